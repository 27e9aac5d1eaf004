import { defineTrigger, type ZObject } from 'zapier-platform-core';
import { listConsents } from '../../src/providers/stratustexting/api';
import { consentOutputFields, consentSample } from '../../src/providers/stratustexting/samples';

/** The account's custom consents: the source of the Consent dropdowns. */
export default defineTrigger({
  key: 'consent_list',
  noun: 'Consent',
  display: {
    label: 'List Custom Consents',
    description: 'Triggers when a custom consent is added. Fills the Consent dropdowns.',
    hidden: true,
  },
  operation: {
    perform: (z: ZObject) => listConsents(z),
    sample: consentSample,
    outputFields: consentOutputFields,
  },
});
