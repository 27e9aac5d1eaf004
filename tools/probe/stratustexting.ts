import {
  consentListSchema,
  consentSchema,
  contactLookupSchema,
  contactPageSchema,
  messageSchema,
  siteListSchema,
} from '../../src/providers/stratustexting/api';
import stratusTexting from '../../src/providers/stratustexting/integration';
import { STRATUSTEXTING_ENDPOINTS } from '../endpoints/stratustexting';
import { PROBE_TEXT, type Prober, type ProviderProbe } from './probe';

type Record_ = Record<string, unknown>;
/** Fields the integration passes on unread: the contact's organization, consents and dates (ASSUMPTION: [st-contact-sort]). */
const CONTACT_FIELDS = ['orgId', 'customConsents', 'createdDate', 'lastUpdated'];
/** A Spring page's counters beside `content` and `last`. */
const SPRING_PAGE = ['totalElements', 'totalPages', 'number', 'size', 'first', 'numberOfElements', 'empty'];
const first = (list: unknown) => (Array.isArray(list) ? (list[0] as Record_ | undefined) : undefined);

/** A fictional number (555-01xx is reserved for fiction), and names nobody takes for a customer's. */
const PROBE_MOBILE = '+19495550199';
const PROBE_CONTACT = { first_name: 'Zapier probe', last_name: '(delete me)', notes: 'Made by npm run probe -- stratustexting --write.' };
const PROBE_CONSENT = 'Zapier probe consent (delete me)';

/** Find Custom Consent by ID: the documented details call. */
const findConsent = (prober: Prober, id: string) =>
  prober.step('GET /customconsent/{id}', 'searches.find_consent.operation.perform', { inputData: { consent_id: id } });

export const stratusTextingProbe: ProviderProbe = {
  definition: stratusTexting,
  endpoints: STRATUSTEXTING_ENDPOINTS,
  answers: {
    'GET /sites': { schema: siteListSchema, known: ['phoneNumber'] },
    'GET /contact/all': { schema: contactPageSchema, known: [...CONTACT_FIELDS, ...SPRING_PAGE] },
    'GET /contact/mobile/{mobile}': { schema: contactLookupSchema, known: CONTACT_FIELDS },
    'GET /contact/{id}': { schema: contactLookupSchema, known: CONTACT_FIELDS },
    'GET /customconsent/{id}': { schema: consentSchema, known: ['orgId', 'createdDate', 'lastUpdated'] },
    'GET /customconsent/all': { schema: consentListSchema, known: ['orgId', 'createdDate', 'lastUpdated', ...SPRING_PAGE] },
    'GET /message/getmessagebyid/{messageId}': { schema: messageSchema, known: ['orgId', 'departmentId', 'createdDate'] },
  },
  async readOnly(prober) {
    prober.skip('POST /message/sendsms', 'it sends a text: needs --send-to <your own number>');
    prober.skip('POST /message/sendmms', 'it sends a picture message: the probe never does');
    // The connection test reads a message that cannot exist: any answer but 401/403 or an outage passes.
    await prober.step('GET /message/getmessagebyid/{messageId}', 'authentication.test', {}, { credentialsOnly: true });
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
    const consents = await prober.step<Record_[]>('GET /customconsent/all', 'triggers.consent_list.operation.perform', {});
    const consent = first(consents);
    if (typeof consent?.id === 'string') await findConsent(prober, consent.id);
    else prober.skip('GET /customconsent/{id}', 'no custom consent to look up');
    const messageId = process.env.PROBE_MESSAGE_ID?.trim();
    if (messageId) {
      await prober.step('GET /message/getmessagebyid/{messageId}', 'searches.find_message.operation.perform', {
        inputData: { message_id: messageId },
      });
    } else prober.skip('GET /message/getmessagebyid/{messageId}', 'set PROBE_MESSAGE_ID to a message of yours');
  },
  async writes(prober, asked, left) {
    if (asked.write) {
      const contact = await prober.step<Record_>('POST /contact', 'creates.upsert_contact.operation.perform', {
        inputData: { mobile: PROBE_MOBILE, ...PROBE_CONTACT },
      });
      if (contact) {
        const id = typeof contact.id === 'string' ? ` (id ${contact.id})` : '';
        left.push(`the contact ${PROBE_MOBILE} "Zapier probe (delete me)"${id}: no request deletes a contact, so delete it in the app`);
        await prober.step('GET /contact/mobile/{mobile}', 'searches.find_contact.operation.perform', {
          inputData: { mobile: PROBE_MOBILE },
        });
        if (typeof contact.id === 'string') {
          await prober.step('PUT /contact/{id}', 'creates.update_contact.operation.perform', {
            inputData: { contact_id: contact.id, notes: 'Changed by the probe.' },
          });
        }
        await prober.step('PUT /contact/mobile/{mobile}', 'creates.update_contact.operation.perform', {
          inputData: { mobile: PROBE_MOBILE, last_name: '(delete me, changed)' },
        });
      }
      const consent = await prober.step<Record_>('POST /customconsent', 'creates.create_consent.operation.perform', {
        inputData: { name: PROBE_CONSENT, description: PROBE_CONTACT.notes },
      });
      if (typeof consent?.id === 'string') {
        const consentId = consent.id;
        left.push(
          `the custom consent "${PROBE_CONSENT}" (id ${consentId}): no request deletes a consent; the row POST /customconsent/{id}/change says whether it was made inactive`,
        );
        await findConsent(prober, consentId);
        await prober.step('PUT /customconsent/{id}', 'creates.update_consent.operation.perform', {
          inputData: { consent_id: consentId, description: 'Changed by the probe.' },
        });
        if (contact) {
          for (const action of ['add', 'remove']) {
            await prober.step('POST /customconsent/contact', 'creates.set_contact_consent.operation.perform', {
              inputData: { mobile: PROBE_MOBILE, consent_id: consentId, action },
            });
          }
        }
        await prober.step('POST /customconsent/{id}/change', 'creates.change_consent_status.operation.perform', {
          inputData: { consent_id: consentId, status: 'inactive' },
        });
      }
    }
    if (asked.sendTo) {
      const sites = await prober.step<Record_[]>('GET /sites', 'triggers.site_list.operation.perform', {});
      const from = process.env.PROBE_FROM?.trim() || String(first(sites)?.phoneNumber ?? '');
      await prober.step('POST /message/sendsms', 'creates.send_sms.operation.perform', {
        inputData: { from, to: asked.sendTo, text: PROBE_TEXT },
      });
    }
    if (asked.hookUrl) {
      const sites = await prober.step<Record_[]>('GET /sites', 'triggers.site_list.operation.perform', {});
      const site = first(sites);
      // The site to subscribe for: PROBE_DEPARTMENT_ID and PROBE_ORGANIZATION_ID, else the first site listed.
      const inputData = {
        department_id: process.env.PROBE_DEPARTMENT_ID?.trim() || String(site?.id ?? ''),
        organization_id: process.env.PROBE_ORGANIZATION_ID?.trim() || String(site?.org_id ?? ''),
      };
      const subscription = await prober.step<Record_>(
        'POST /webhooksubscription',
        'triggers.new_inbound_message.operation.performSubscribe',
        {
          inputData,
          targetUrl: asked.hookUrl,
        },
      );
      if (subscription) {
        const removed = await prober.step('DELETE /webhooksubscription/{id}', 'triggers.new_inbound_message.operation.performUnsubscribe', {
          inputData,
          subscribeData: subscription,
        });
        if (removed === undefined) left.push(`the subscription ${String(subscription.id)} to ${asked.hookUrl}, until it expires`);
      }
    }
  },
};
