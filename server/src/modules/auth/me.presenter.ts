import { permissionsOf, type Me, type Role } from '@saferhood/contracts';
import type { AuthContext } from '../../http/context';
import { isSupportedLanguage } from '../../http/i18n';
import { presentTenant } from '../tenants/index';
import { presentUser } from './user.presenter';

/** The signed-in person as the web app needs them: who, where, in which language, allowed to do what. */
export function presentMe(auth: AuthContext): Me {
  const preferred = auth.user.language ?? auth.tenant.defaultLanguage;
  return {
    user: presentUser(auth.user),
    tenant: presentTenant(auth.tenant),
    language: isSupportedLanguage(preferred) ? preferred : 'en',
    permissions: permissionsOf(auth.user.role as Role),
    csrfToken: auth.csrfToken,
    sessionExpiresAt: auth.expiresAt.toISOString(),
  };
}
