/** `sms_subscribe` (marketing_api/sms_event.py SMSSubscribe). */
import { Obj } from '../common/json-schema.js';
import { smsEventBase, smsStatus } from '../common/marketing.js';

export const SmsSubscribe = Obj({ ...smsEventBase, status: smsStatus });
