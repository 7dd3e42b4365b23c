import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useSession } from './session';

/** Shows its children to a signed-in person; everyone else goes to sign-in and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me, error, isPending, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <PageLoader fullScreen />;
  if (error) return <ErrorAlert error={error} fullScreen title={t('common.loadFailed')} onRetry={() => void refetch()} />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}
