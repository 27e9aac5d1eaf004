import {
  consentListSchema,
  contactLookupSchema,
  contactPageSchema,
  messageSchema,
  siteListSchema,
} from '../../src/providers/stratustexting/api';
import stratusTexting from '../../src/providers/stratustexting/integration';
import { STRATUSTEXTING_ENDPOINTS } from '../endpoints/stratustexting';
import type { ProviderProbe } from './probe';

type Record_ = Record<string, unknown>;
/** Fields the integration passes on unread: the contact's organization, consents and dates (ASSUMPTION: [st-contact-sort]). */
const CONTACT_FIELDS = ['orgId', 'customConsents', 'createdDate', 'lastUpdated'];
/** A Spring page's counters beside `content` and `last`. */
const SPRING_PAGE = ['totalElements', 'totalPages', 'number', 'size', 'first', 'numberOfElements', 'empty'];
const first = (list: unknown) => (Array.isArray(list) ? (list[0] as Record_ | undefined) : undefined);

export const stratusTextingProbe: ProviderProbe = {
  definition: stratusTexting,
  endpoints: STRATUSTEXTING_ENDPOINTS,
  answers: {
    'GET /sites': { schema: siteListSchema, known: ['phoneNumber'] },
    'GET /contact/all': { schema: contactPageSchema, known: [...CONTACT_FIELDS, ...SPRING_PAGE] },
    'GET /contact/mobile/{mobile}': { schema: contactLookupSchema, known: CONTACT_FIELDS },
    'GET /contact/{id}': { schema: contactLookupSchema, known: CONTACT_FIELDS },
    'GET /customconsent/all': { schema: consentListSchema, known: ['orgId', 'createdDate', 'lastUpdated', ...SPRING_PAGE] },
    'GET /message/getmessagebyid/{messageId}': { schema: messageSchema, known: ['orgId', 'departmentId', 'createdDate'] },
  },
  async readOnly(prober) {
    await prober.step('GET /webhooksubscription/all', 'authentication.test', {});
    const sites = await prober.step<Record_[]>('GET /sites', 'triggers.site_list.operation.perform', {});
    const contacts = await prober.step<Record_[]>('GET /contact/all', 'triggers.new_contact.operation.performList', {
      inputData: { department_id: String(first(sites)?.id ?? 'probe') },
    });
    const contact = first(contacts);
    if (typeof contact?.mobile === 'string') {
      await prober.step('GET /contact/mobile/{mobile}', 'searches.find_contact.operation.perform', {
        inputData: { mobile: contact.mobile },
      });
    } else prober.skip('GET /contact/mobile/{mobile}', 'no contact to look up');
    if (typeof contact?.id === 'string') {
      await prober.step('GET /contact/{id}', 'triggers.new_contact.operation.perform', {
        inputData: { department_id: String(first(sites)?.id ?? 'probe') },
        cleanedRequest: { contactInfo: { contactId: contact.id } },
      });
    } else prober.skip('GET /contact/{id}', 'no contact to look up');
    await prober.step('GET /customconsent/all', 'triggers.consent_list.operation.perform', {});
    const messageId = process.env.PROBE_MESSAGE_ID?.trim();
    if (messageId) {
      await prober.step('GET /message/getmessagebyid/{messageId}', 'searches.find_message.operation.perform', {
        inputData: { message_id: messageId },
      });
    } else prober.skip('GET /message/getmessagebyid/{messageId}', 'set PROBE_MESSAGE_ID to a message of yours');
  },
};
