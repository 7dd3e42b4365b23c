import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
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

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <Notifications position="bottom-center" />
          <BrowserRouter>{children}</BrowserRouter>
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
