/** `email_subscribe` (marketing_api/email_event.py EmailSubscribe). */
import { Type } from '@sinclair/typebox';
import { emailEventBase, emailStatus } from '../common/marketing.js';

export const EmailSubscribe = Type.Object({ ...emailEventBase, status: emailStatus });
