/** `email_send` (marketing_api/email_event.py EmailSend). */
import { Type } from '@sinclair/typebox';
import { EmailAddress, campaignId, emailEventBase } from '../common/marketing.js';
import { Opt } from '../common/schema-helpers.js';

export const EmailSend = Type.Object({
  ...emailEventBase,
  campaign_id: campaignId,
  from: Opt(EmailAddress),
  to: Opt(EmailAddress),
  subject: Opt(Type.String({ description: 'Subject line.' })),
  body: Opt(Type.String({ description: 'Email body.' })),
});
