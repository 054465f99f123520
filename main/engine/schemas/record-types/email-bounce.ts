/** `email_bounce` (marketing_api/email_event.py EmailBounce). */
import { Obj, Opt } from '../common/json-schema.js';
import { EmailAddress, emailEventBase } from '../common/marketing.js';

export const EmailBounce = Obj({ ...emailEventBase, from: Opt(EmailAddress), to: Opt(EmailAddress) });
