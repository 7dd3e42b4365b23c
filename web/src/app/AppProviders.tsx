import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { clearSession, ME_QUERY_KEY } from '../features/auth/index';
import { setUnauthenticatedHandler } from '../lib/api-client';
import { i18n } from '../lib/i18n';
import { queryClient } from '../lib/query-client';
import { cssVariablesResolver, theme } from './theme';

// A 401 from any call means the session ended (expired, or signed out elsewhere): forget it, and the
// guarded pages send the person to sign-in, remembering where they were.
setUnauthenticatedHandler(() => {
  if (queryClient.getQueryData(ME_QUERY_KEY)) clearSession(queryClient);
});

// The toasts' container (and its transitions) loads after the first screen: nothing is notified before
// someone acts, and a notification shown earlier waits in the store until it is there.
const Notifications = lazy(() => import('@mantine/notifications').then((module) => ({ default: module.Notifications })));

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <Suspense fallback={null}>
            <Notifications position="bottom-center" />
          </Suspense>
          <BrowserRouter>{children}</BrowserRouter>
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
