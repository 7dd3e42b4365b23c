import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { saveLanguage, setApiLanguage } from '../api/field-api';
import { findInitialLanguage, I18nContext, isFieldLanguage, makeTranslate, pluralKey, storeLanguage, type FieldLanguage, type I18nValue } from '../lib/i18n';
import { requestPersistentStorage } from '../storage/field-db';
import { RecordDetailScreen } from '../ui/RecordDetailScreen';
import { RecordEditScreen } from '../ui/RecordEditScreen';
import { NewRecordScreen } from '../ui/NewRecordScreen';
import { RecordsScreen } from '../ui/RecordsScreen';
import { SignInScreen } from '../ui/SignInScreen';
import { StatusBar } from '../ui/StatusBar';
import { TodayScreen } from '../ui/TodayScreen';
import { FieldController } from './field-controller';
import { ControllerContext } from './controller-context';
import { useFieldRoute, type FieldRoute } from './router';

const TITLES: Record<FieldRoute['screen'], string> = {
  today: 'today.title',
  new: 'new.title',
  records: 'records.title',
  record: 'record.title',
  edit: 'edit.title',
};

export function FieldApp() {
  const controller = useMemo(() => new FieldController(), []);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const [isStarted, setIsStarted] = useState(false);
  const [language, setLanguageState] = useState<FieldLanguage>(findInitialLanguage);
  const [route, navigate] = useFieldRoute();

  useEffect(() => {
    void controller.start().finally(() => setIsStarted(true));
    void requestPersistentStorage();
    return () => controller.stop();
  }, [controller]);

  // The person's saved language follows them; else the city's (a device choice wins until they save one).
  useEffect(() => {
    const saved = state.me?.user.language ?? null;
    if (isFieldLanguage(saved)) setLanguageState(saved);
  }, [state.me?.user.language]);

  const i18n = useMemo<I18nValue>(() => {
    const t = makeTranslate(language);
    return {
      language,
      t,
      tn: (key, count) => t(pluralKey(language, key, count), { count }),
      setLanguage: (next) => {
        setLanguageState(next);
        storeLanguage(next);
        if (controller.state.me && controller.state.isOnline) void saveLanguage(next).catch(() => undefined);
      },
    };
  }, [language, controller]);

  useEffect(() => {
    document.documentElement.lang = language;
    setApiLanguage(language);
  }, [language]);

  const title = !state.me || state.needsSignIn ? i18n.t('signIn.title') : i18n.t(TITLES[route.screen]);
  useEffect(() => {
    document.title = `${title} – Saferhood`;
  }, [title]);

  let screen;
  if (!isStarted) screen = <p role="status">{i18n.t('app.loading')}</p>;
  else if (!state.me || state.needsSignIn) screen = <SignInScreen />;
  else if (route.screen === 'new') screen = <NewRecordScreen navigate={navigate} />;
  else if (route.screen === 'records') screen = <RecordsScreen navigate={navigate} />;
  else if (route.screen === 'record') screen = <RecordDetailScreen id={route.id} navigate={navigate} />;
  else if (route.screen === 'edit') screen = <RecordEditScreen id={route.id} navigate={navigate} />;
  else screen = <TodayScreen navigate={navigate} />;

  const canGoBack = state.me && !state.needsSignIn && route.screen !== 'today';
  return (
    <I18nContext.Provider value={i18n}>
      <ControllerContext.Provider value={controller}>
        <div className="field-app">
          <a className="skip-link" href="#main">
            {i18n.t('app.skipToContent')}
          </a>
          <header className="field-header">
            {canGoBack && (
              <button type="button" className="icon-button" onClick={() => (window.history.length > 1 ? window.history.back() : navigate({ screen: 'today' }))}>
                <span aria-hidden="true">←</span>
                <span className="visually-hidden">{i18n.t('app.back')}</span>
              </button>
            )}
            <h1>{title}</h1>
          </header>
          {isStarted && state.me && <StatusBar navigate={navigate} />}
          <main id="main" className="field-main">
            {screen}
          </main>
        </div>
      </ControllerContext.Provider>
    </I18nContext.Provider>
  );
}
