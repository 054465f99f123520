/** `sms_send` (marketing_api/sms_event.py SMSSend). */
import { Obj, Opt, Str } from '../common/json-schema.js';
import { SmsRecipient, campaignId, smsEventBase } from '../common/marketing.js';

export const SmsSend = Obj({
  ...smsEventBase,
  campaign_id: campaignId,
  from: Opt(SmsRecipient),
  to: Opt(SmsRecipient),
  body: Opt(Str({ description: 'Message text.' })),
});
