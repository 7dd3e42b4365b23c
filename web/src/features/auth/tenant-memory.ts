const TENANT_KEY = 'saferhood.tenant';

/** The city short name last used on this device, so people type it once. */
export function readRememberedTenant(): string {
  try {
    return window.localStorage.getItem(TENANT_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberTenant(tenant: string): void {
  try {
    window.localStorage.setItem(TENANT_KEY, tenant);
  } catch {
    // Storage unavailable: they will type it again next time.
  }
}
