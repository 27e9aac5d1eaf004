import type { Endpoint } from './types';

/** StratusTexting's requests (src/providers/stratustexting/api.ts), under the brand's API base URL. */
export const STRATUSTEXTING_ENDPOINTS: readonly Endpoint[] = [
  {
    request: 'POST /message/sendsms',
    usedBy: ['Send SMS'],
    assumptions: ['st-sendsms-path', 'st-send-id', 'st-stated-failure', 'st-text-limit'],
  },
  { request: 'POST /message/sendmms', usedBy: ['Send MMS'], assumptions: ['st-mms', 'st-send-id', 'st-stated-failure'] },
  {
    request: 'GET /message/getmessagebyid/{messageId}',
    usedBy: [
      'Test the connection',
      'Find Message',
      'New Inbound Message',
      'New Outbound Message',
      "instant triggers (telling another organization's id)",
    ],
    documented: 'FAQ: "call the below end point to get the message details … /message/getmessagebyid/{messageId} Method : GET"',
    assumptions: ['st-connection-test', 'st-message-fields', 'st-direction', 'st-message-department', 'st-event-id', 'st-foreign-id'],
  },
  {
    request: 'GET /sites',
    usedBy: ['the Site dropdown', 'the connection test (naming the connection)', "instant triggers' subscribe"],
    assumptions: ['st-sites'],
  },
  {
    request: 'GET /contact/all',
    usedBy: ['New Contact (samples)', 'the Contact dropdown'],
    assumptions: ['st-contacts', 'st-contact-sort'],
  },
  {
    request: 'GET /contact/mobile/{mobile}',
    usedBy: ['Find Contact', 'New Contact and Updated Contact (checking an event)'],
    assumptions: ['st-contacts', 'st-contact-times'],
  },
  {
    request: 'GET /contact/{id}',
    usedBy: ['New Contact and Updated Contact (an event naming the contact by id only)', 'Deleted Contact (checking the contact is gone)'],
    assumptions: ['st-contact-by-id', 'st-contact-times'],
  },
  { request: 'POST /contact', usedBy: ['Create or Update Contact'], assumptions: ['st-contacts'] },
  { request: 'PUT /contact/{id}', usedBy: ['Update Contact'], assumptions: ['st-contacts'] },
  { request: 'PUT /contact/mobile/{mobile}', usedBy: ['Update Contact'], assumptions: ['st-contacts'] },
  {
    request: 'POST /customconsent',
    usedBy: ['Create Custom Consent'],
    documented: 'Consent pages: "Create Custom Consent", `POST /customconsent`, body params application/json',
    assumptions: ['st-consents'],
  },
  { request: 'PUT /customconsent/{id}', usedBy: ['Update Custom Consent'], assumptions: ['st-consents'] },
  {
    request: 'POST /customconsent/{id}/change',
    usedBy: ['Change Custom Consent Status'],
    documented: 'Consent pages: "Change Custom Consent Status by Id", `POST /customconsent/{customConsentId}/change`',
    assumptions: ['st-consents'],
  },
  {
    request: 'GET /customconsent/{id}',
    usedBy: ['Find Custom Consent (by ID)', 'Find or Create Custom Consent'],
    documented: 'Consent pages: "Get Custom Consent Details Using ID", `GET /customconsent/{customConsentId}`',
    assumptions: ['st-consent-record'],
  },
  {
    request: 'GET /customconsent/all',
    usedBy: ['the Custom Consent dropdown', 'Find Custom Consent (by name)'],
    assumptions: ['st-consents'],
  },
  { request: 'POST /customconsent/contact', usedBy: ['Add or Remove Contact Consent'], assumptions: ['st-consents'] },
  {
    request: 'POST /webhooksubscription',
    usedBy: ['New Inbound Message', 'New Outbound Message', 'New Contact', 'Updated Contact', 'Deleted Contact (subscribe)'],
    documented: 'Subscription page: "Create or Update Subscription", body `uri`, `eventFilters`, `expiresDateInMillies`',
    assumptions: ['st-contact-filter', 'st-contact-event', 'st-event-time', 'st-subscription-days', 'st-handshake-wording'],
  },
  { request: 'DELETE /webhooksubscription/{id}', usedBy: ["instant triggers' unsubscribe"], assumptions: ['st-unsubscribe'] },
];
