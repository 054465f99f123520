/** `sms_click` (marketing_api/sms_event.py SMSClick). */
import { Type } from '@sinclair/typebox';
import { SmsRecipient, campaignId, smsEventBase } from '../common/marketing.js';
import { Opt } from '../common/schema-helpers.js';

export const SmsClick = Type.Object({ ...smsEventBase, campaign_id: campaignId, from: Opt(SmsRecipient), to: Opt(SmsRecipient) });
