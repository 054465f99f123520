/** `sms_subscribe` (marketing_api/sms_event.py SMSSubscribe). */
import { Type } from '@sinclair/typebox';
import { smsEventBase, smsStatus } from '../common/marketing.js';

export const SmsSubscribe = Type.Object({ ...smsEventBase, status: smsStatus });
