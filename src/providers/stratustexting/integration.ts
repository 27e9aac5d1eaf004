import { defineApp } from 'zapier-platform-core';
import { release } from '../../core/release';
import { addApiCredentials, authentication } from './auth';
import newInboundMessage from '../../../triggers/stratustexting/new-inbound-message';
import newOutboundMessage from '../../../triggers/stratustexting/new-outbound-message';
import newContact from '../../../triggers/stratustexting/new-contact';
import updatedContact from '../../../triggers/stratustexting/updated-contact';
import deletedContact from '../../../triggers/stratustexting/deleted-contact';
import siteList from '../../../triggers/stratustexting/site-list';
import consentList from '../../../triggers/stratustexting/consent-list';
import contactList from '../../../triggers/stratustexting/contact-list';
import countryList from '../../../triggers/stratustexting/country-list';
import sendSms from '../../../creates/stratustexting/send-sms';
import sendMms from '../../../creates/stratustexting/send-mms';
import upsertContact from '../../../creates/stratustexting/upsert-contact';
import updateContact from '../../../creates/stratustexting/update-contact';
import createConsent from '../../../creates/stratustexting/create-consent';
import updateConsent from '../../../creates/stratustexting/update-consent';
import changeConsentStatus from '../../../creates/stratustexting/change-consent-status';
import setContactConsent from '../../../creates/stratustexting/set-contact-consent';
import findContact from '../../../searches/stratustexting/find-contact';
import findMessage from '../../../searches/stratustexting/find-message';
import findConsent from '../../../searches/stratustexting/find-consent';

/** StratusTexting (Beetexting Connect): OAuth2, instant triggers, texts, contacts and consents. */
export default defineApp({
  ...release,
  authentication,
  beforeRequest: [addApiCredentials],
  triggers: {
    [newInboundMessage.key]: newInboundMessage,
    [newOutboundMessage.key]: newOutboundMessage,
    [newContact.key]: newContact,
    [updatedContact.key]: updatedContact,
    [deletedContact.key]: deletedContact,
    [siteList.key]: siteList,
    [consentList.key]: consentList,
    [contactList.key]: contactList,
    [countryList.key]: countryList,
  },
  creates: {
    [sendSms.key]: sendSms,
    [sendMms.key]: sendMms,
    [upsertContact.key]: upsertContact,
    [updateContact.key]: updateContact,
    [createConsent.key]: createConsent,
    [updateConsent.key]: updateConsent,
    [changeConsentStatus.key]: changeConsentStatus,
    [setContactConsent.key]: setContactConsent,
  },
  searches: {
    [findContact.key]: findContact,
    [findMessage.key]: findMessage,
    [findConsent.key]: findConsent,
  },
  searchOrCreates: {
    [findContact.key]: {
      key: findContact.key,
      display: {
        label: 'Find or Create Contact',
        description: 'Finds a contact by mobile number, creating it when there is none.',
      },
      search: findContact.key,
      create: upsertContact.key,
    },
    [findConsent.key]: {
      key: findConsent.key,
      display: {
        label: 'Find or Create Custom Consent',
        description: 'Finds a custom consent by its name, creating it when there is none.',
      },
      search: findConsent.key,
      create: createConsent.key,
    },
  },
});
