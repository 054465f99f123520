/** `sms_send` (marketing_api/sms_event.py SMSSend). */
import { Type } from '@sinclair/typebox';
import { SmsRecipient, campaignId, smsEventBase } from '../common/marketing.js';
import { Opt } from '../common/schema-helpers.js';

export const SmsSend = Type.Object({
  ...smsEventBase,
  campaign_id: campaignId,
  from: Opt(SmsRecipient),
  to: Opt(SmsRecipient),
  body: Opt(Type.String({ description: 'Message text.' })),
});
