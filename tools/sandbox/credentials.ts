/**
 * The fixed credentials the sandbox accepts, printed by `npm run sandbox`. They open nothing but
 * the sandbox's own in-memory accounts.
 */
export const SANDBOX_CREDENTIALS = {
  stratustexting: {
    clientId: 'sandbox-stratustexting-client',
    clientSecret: 'sandbox-stratustexting-secret',
    apiKey: 'sandbox-stratustexting-api-key',
    username: 'agent@example.com',
    password: 'sandbox-password',
  },
  commpeak: {
    apiKey: 'sandbox-commpeak-api-key',
  },
  smsExtension: {
    clientId: 'sandbox-sms-extension-client',
    clientSecret: 'sandbox-sms-extension-secret',
    username: 'demo@example.co.uk',
    password: 'sandbox-password',
  },
} as const;
