import { defineApp } from 'zapier-platform-core';
import { addSenderIdAction } from '../../../creates/sms-extension/add-sender-id';
import { clickToDialAction } from '../../../creates/sms-extension/click-to-dial';
import { maskedClickToDialAction } from '../../../creates/sms-extension/masked-click-to-dial';
import { sendSmsAction } from '../../../creates/sms-extension/send-sms';
import { findSms } from '../../../searches/sms-extension/find-sms';
import { newSenderId } from '../../../triggers/sms-extension/new-sender-id';
import { newSms } from '../../../triggers/sms-extension/new-sms';
import { release } from '../../core/release';
import { addSessionHeaders, authentication } from './authentication';

export default defineApp({
  ...release,
  authentication,
  beforeRequest: [addSessionHeaders],
  triggers: {
    [newSms.key]: newSms,
    [newSenderId.key]: newSenderId,
  },
  creates: {
    [sendSmsAction.key]: sendSmsAction,
    [addSenderIdAction.key]: addSenderIdAction,
    [clickToDialAction.key]: clickToDialAction,
    [maskedClickToDialAction.key]: maskedClickToDialAction,
  },
  searches: {
    [findSms.key]: findSms,
  },
});
