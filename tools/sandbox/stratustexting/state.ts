import { SANDBOX_CREDENTIALS } from '../credentials';

/** The in-memory StratusTexting account: one organization, its sites (departments) and their data. */

export const ORG_ID = '64f1c0ffee00000000000a01';

export interface Site {
  id: string;
  name: string;
  orgId: string;
  /** The department's texting number: the `from` of its sends, the `to` of its inbound texts. */
  phoneNumber: string;
}

export interface StoredMessage {
  id: string;
  orgId: string;
  departmentId: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: { phoneNumber: string }[];
  text: string;
  mediaUrl?: string;
  status: string;
  createdDate: string;
  lastUpdated: number;
}

export interface StoredContact {
  id: string;
  orgId: string;
  firstName: string | null;
  lastName: string | null;
  mobileNumber: string;
  email: string | null;
  company: string | null;
  notes: string | null;
  customConsents: { id: string; name: string }[];
  createdDate: string;
  lastUpdated: number;
}

export interface StoredConsent {
  id: string;
  orgId: string;
  name: string;
  description: string | null;
  active: boolean;
  createdDate: string;
  lastUpdated: number;
}

export interface StoredSubscription {
  id: string;
  orgId: string;
  uri: string;
  eventFilters: string[];
  disabledFilters: { filter: string; reason: string; message: string; orgId: string; id: string }[];
  expiresAt: number;
  createdDateTime: string;
  lastUpdateDateTime: string;
}

/** One webhook POST the sandbox made (or tried to make). */
export interface Delivery {
  subscriptionId: string;
  uri: string;
  payload: unknown;
  status?: number;
  error?: string;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  username: string;
  expiresAt: number;
}

export interface TokenGrant {
  clientId: string;
  username: string;
  scope: string;
}

const CREATED = '2025-01-06T15:00:00.000Z';

export class StratusTextingState {
  readonly orgId = ORG_ID;
  readonly user = { username: SANDBOX_CREDENTIALS.stratustexting.username, sub: '7d3f1c52-0b4e-4f3a-9d5e-2f1a6c8b9e01' };
  readonly sites: Site[] = [
    { id: '64f1c0ffee00000000000d01', name: 'Main Office', orgId: ORG_ID, phoneNumber: '+19495550100' },
    { id: '64f1c0ffee00000000000d02', name: 'Downtown Branch', orgId: ORG_ID, phoneNumber: '+19495550200' },
  ];
  readonly messages = new Map<string, StoredMessage>();
  readonly contacts = new Map<string, StoredContact>();
  readonly consents = new Map<string, StoredConsent>();
  readonly subscriptions = new Map<string, StoredSubscription>();
  readonly deliveries: Delivery[] = [];
  /** Subscribing checks the callback with the documented validation-token handshake; false skips the check. */
  webhookHandshake = true;
  readonly codes = new Map<string, AuthorizationCode>();
  readonly accessTokens = new Map<string, TokenGrant & { expiresAt: number }>();
  readonly refreshTokens = new Map<string, TokenGrant>();

  constructor() {
    const consent: StoredConsent = {
      id: '6890b1408f412234d99c8e13',
      orgId: ORG_ID,
      name: 'Appointment reminders',
      description: 'Texts about upcoming appointments.',
      active: true,
      createdDate: CREATED,
      lastUpdated: Date.parse(CREATED),
    };
    this.consents.set(consent.id, consent);
    const contact: StoredContact = {
      id: '65a0b7e1c2d3e4f500000c01',
      orgId: ORG_ID,
      firstName: 'Jamie',
      lastName: 'Rivera',
      mobileNumber: '+19495550111',
      email: 'jamie.rivera@example.com',
      company: 'Rivera Plumbing',
      notes: 'Prefers texts after 5pm.',
      customConsents: [{ id: consent.id, name: consent.name }],
      createdDate: CREATED,
      lastUpdated: Date.parse(CREATED),
    };
    this.contacts.set(contact.id, contact);
  }

  siteByNumber(phoneNumber: string): Site | undefined {
    return this.sites.find((site) => site.phoneNumber === phoneNumber);
  }

  contactByMobile(mobileNumber: string): StoredContact | undefined {
    return [...this.contacts.values()].find((contact) => contact.mobileNumber === mobileNumber);
  }

  /** Makes every access token expire now, so the next API call answers 401 and a client must refresh. */
  expireAccessTokens(): void {
    for (const grant of this.accessTokens.values()) grant.expiresAt = 0;
  }
}
