/** The password of every demo account (README). Public, hence refused when NODE_ENV=production. */
export const DEMO_PASSWORD = 'demo-password';
