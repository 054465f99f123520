/** `sms_click` (marketing_api/sms_event.py SMSClick). */
import { Obj, Opt } from '../common/json-schema.js';
import { SmsRecipient, campaignId, smsEventBase } from '../common/marketing.js';

export const SmsClick = Obj({ ...smsEventBase, campaign_id: campaignId, from: Opt(SmsRecipient), to: Opt(SmsRecipient) });
