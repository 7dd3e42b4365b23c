import { FIELD_LANGUAGES, LANGUAGE_NAMES, useI18n } from '../lib/i18n';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('language.title')}>
      {FIELD_LANGUAGES.map((code) => (
        <button key={code} type="button" className="icon-button" lang={code} aria-pressed={code === language} onClick={() => setLanguage(code)}>
          {LANGUAGE_NAMES[code]}
        </button>
      ))}
    </div>
  );
}
