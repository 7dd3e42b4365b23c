export { AccountPage } from './AccountPage';
export { LanguageSwitch } from './LanguageSwitch';
