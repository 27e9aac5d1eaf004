import { defineApp } from 'zapier-platform-core';
import { release } from '../../core/release';
import { addCommPeakHeaders, authentication } from './auth';
import sendSms from '../../../creates/commpeak/send-sms';
import sendBulkSms from '../../../creates/commpeak/send-bulk-sms';
import getMessageStatuses from '../../../creates/commpeak/get-message-statuses';
import findMessageStatus from '../../../searches/commpeak/find-message-status';
import countryList from '../../../triggers/commpeak/country-list';

/** CommPeak SMS Streams: send one or many SMS and look up their status (one message by search, many by action). No triggers but the Default Country dropdown's source: CommPeak's webhooks are set up in its UI only. */
export default defineApp({
  ...release,
  authentication,
  beforeRequest: [addCommPeakHeaders],
  triggers: {
    [countryList.key]: countryList,
  },
  creates: {
    [sendSms.key]: sendSms,
    [sendBulkSms.key]: sendBulkSms,
    [getMessageStatuses.key]: getMessageStatuses,
  },
  searches: {
    [findMessageStatus.key]: findMessageStatus,
  },
});
