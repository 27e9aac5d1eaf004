import { defineApp } from 'zapier-platform-core';
import { release } from '../../core/release';
import { addSessionHeaders, authentication } from './auth';
import newSms from '../../../triggers/sms-extension/new-sms';
import newSenderId from '../../../triggers/sms-extension/new-sender-id';
import senderIdApproved from '../../../triggers/sms-extension/sender-id-approved';
import countryList from '../../../triggers/sms-extension/country-list';
import sendSms from '../../../creates/sms-extension/send-sms';
import addSenderId from '../../../creates/sms-extension/add-sender-id';
import clickToDial from '../../../creates/sms-extension/click-to-dial';
import maskedClickToDial from '../../../creates/sms-extension/masked-click-to-dial';
import findSms from '../../../searches/sms-extension/find-sms';
import findSenderId from '../../../searches/sms-extension/find-sender-id';

/** SMS Extension: a password-grant session; send SMS, manage sender ids, click to dial, and watch the SMS list. */
export default defineApp({
  ...release,
  authentication,
  beforeRequest: [addSessionHeaders],
  triggers: {
    [newSms.key]: newSms,
    [newSenderId.key]: newSenderId,
    [senderIdApproved.key]: senderIdApproved,
    [countryList.key]: countryList,
  },
  creates: {
    [sendSms.key]: sendSms,
    [addSenderId.key]: addSenderId,
    [clickToDial.key]: clickToDial,
    [maskedClickToDial.key]: maskedClickToDial,
  },
  searches: {
    [findSms.key]: findSms,
    [findSenderId.key]: findSenderId,
  },
  searchOrCreates: {
    [findSenderId.key]: {
      key: findSenderId.key,
      display: {
        label: 'Find or Add Sender ID',
        description: 'Finds a sender id by its name, asking for it to be added when there is none.',
      },
      search: findSenderId.key,
      create: addSenderId.key,
    },
  },
});
