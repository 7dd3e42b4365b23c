import type { Me } from '@saferhood/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { findSessionLanguage } from '../features/auth/index';

/** When someone signs in (or their saved language changes), show the app in their language. */
export function useSessionLanguage(me: Me): void {
  const { i18n } = useTranslation();
  const language = findSessionLanguage(me);
  useEffect(() => {
    if (language !== i18n.language) void i18n.changeLanguage(language);
  }, [language, i18n]);
}
