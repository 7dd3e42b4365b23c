import type { Me } from '@saferhood/contracts';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../lib/api-client';
import { findBrowserLanguage, isSupportedLanguage, readStoredLanguage } from '../../lib/i18n';
import { fetchMe } from './api';

export const ME_QUERY_KEY = ['me'] as const;

async function loadSession(): Promise<Me | null> {
  const me = await fetchMe();
  setCsrfToken(me?.csrfToken ?? null);
  return me;
}

/** The session as the whole app sees it: undefined while loading, null when signed out. */
export function useSession() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: loadSession, staleTime: Infinity });
}

/** The signed-in person; only inside pages that RequireSession guards. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe() outside a signed-in page');
  return data;
}

/** Stores a fresh Me (after sign-in or a profile change) so every component and the API client see it. */
export function applySession(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(ME_QUERY_KEY, me);
}

/** Forgets everything the previous person loaded: nothing of theirs may show to the next one. */
export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
  queryClient.setQueryData(ME_QUERY_KEY, null);
}

export function useClearSession(): () => void {
  const queryClient = useQueryClient();
  return () => clearSession(queryClient);
}

/**
 * The language to show a signed-in person: the one they saved, else the one this device was switched
 * to, else the browser's, else their city's default. Signing in never swaps the language under
 * someone's eyes unless they chose it before.
 */
export function findSessionLanguage(me: Me): string {
  if (isSupportedLanguage(me.user.language)) return me.user.language;
  return readStoredLanguage() ?? findBrowserLanguage() ?? me.language;
}
