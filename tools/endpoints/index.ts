import { COMMPEAK_ENDPOINTS } from './commpeak';
import { SMS_EXTENSION_ENDPOINTS } from './sms-extension';
import { STRATUSTEXTING_ENDPOINTS } from './stratustexting';
import type { Endpoint } from './types';

export { endpointOf, methodOf, pathPattern, requestTable, type Endpoint } from './types';

/** Every provider's requests, by integration key. */
export const ENDPOINTS: Record<'stratustexting' | 'commpeak' | 'sms-extension', readonly Endpoint[]> = {
  stratustexting: STRATUSTEXTING_ENDPOINTS,
  commpeak: COMMPEAK_ENDPOINTS,
  'sms-extension': SMS_EXTENSION_ENDPOINTS,
};
