import { TENANT_ROLES } from '@saferhood/contracts';
import type { TFunction } from 'i18next';

/** The roles a city's user may hold, from contracts, named in the current language. */
export function buildRoleOptions(t: TFunction): { value: string; label: string }[] {
  return TENANT_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
