/** `email_subscribe` (marketing_api/email_event.py EmailSubscribe). */
import { Obj } from '../common/json-schema.js';
import { emailEventBase, emailStatus } from '../common/marketing.js';

export const EmailSubscribe = Obj({ ...emailEventBase, status: emailStatus });
