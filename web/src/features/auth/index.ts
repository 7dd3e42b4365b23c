export { SignInPage } from './SignInPage';
export { RequireSession } from './RequireSession';
export { signOut } from './api';
export { applySession, clearSession, findSessionLanguage, useClearSession, useMe, useSession, ME_QUERY_KEY } from './session';
export { hasPermission } from './permissions';
