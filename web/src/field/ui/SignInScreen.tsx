import { useState, type FormEvent } from 'react';
import { FieldApiError, signIn, signOut as signOutOnServer } from '../api/field-api';
import { useController, useFieldState } from '../app/controller-context';
import { useI18n } from '../lib/i18n';
import { LanguageSwitch } from './LanguageSwitch';

const TENANT_KEY = 'saferhood.tenant';

function readRememberedTenant(): string {
  try {
    return window.localStorage.getItem(TENANT_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Tenant, e-mail, password. Online once; afterwards the app opens without a network. */
export function SignInScreen() {
  const { t, tn } = useI18n();
  const controller = useController();
  const state = useFieldState();
  const [tenant, setTenant] = useState(() => state.me?.tenant.slug ?? readRememberedTenant());
  const [email, setEmail] = useState(() => state.me?.user.email ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const waiting = state.outbox.waitingRecords + state.outbox.waitingShiftChecks;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setIsBusy(true);
    try {
      const me = await signIn({ tenant: tenant.trim(), email: email.trim(), password });
      try {
        window.localStorage.setItem(TENANT_KEY, me.tenant.slug);
      } catch {
        // Typed again next time.
      }
      const owner = state.me;
      if (!(await controller.acceptSession(me))) {
        // Another person's unsent work is on this phone: end this session again and say whose it is.
        await signOutOnServer().catch(() => undefined);
        setError(t('signIn.otherPersonWaiting', { name: owner?.user.displayName ?? '' }));
      }
    } catch (caught) {
      if (caught instanceof FieldApiError) setError(caught.status === 401 ? t('signIn.wrongCredentials') : caught.status === 429 ? t('signIn.tooManyAttempts') : (caught.detail ?? t('error.server')));
      else setError(t('signIn.offline'));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <>
      {state.needsSignIn && (
        <div className="notice notice-warning">
          <p>{t('signIn.sessionEnded')}</p>
          {waiting > 0 && <p>{tn('signIn.waitingKept', waiting)}</p>}
        </div>
      )}
      <p>{t('signIn.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="form-field">
          <label htmlFor="tenant">{t('signIn.tenant')}</label>
          <input id="tenant" type="text" autoComplete="organization" autoCapitalize="none" required value={tenant} onChange={(event) => setTenant(event.target.value)} />
        </div>
        <div className="form-field">
          <label htmlFor="email">{t('signIn.email')}</label>
          <input id="email" type="email" autoComplete="username" inputMode="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        </div>
        <div className="form-field">
          <label htmlFor="password">{t('signIn.password')}</label>
          <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        </div>
        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary button-big" disabled={isBusy || !tenant || !email || !password}>
          {isBusy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
      </form>
      <h2>{t('language.title')}</h2>
      <LanguageSwitch />
    </>
  );
}
