/** `email_bounce` (marketing_api/email_event.py EmailBounce). */
import { Type } from '@sinclair/typebox';
import { EmailAddress, emailEventBase } from '../common/marketing.js';
import { Opt } from '../common/schema-helpers.js';

export const EmailBounce = Type.Object({ ...emailEventBase, from: Opt(EmailAddress), to: Opt(EmailAddress) });
