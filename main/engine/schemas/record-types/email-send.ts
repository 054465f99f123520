/** `email_send` (marketing_api/email_event.py EmailSend). */
import { Obj, Opt, Str } from '../common/json-schema.js';
import { EmailAddress, campaignId, emailEventBase } from '../common/marketing.js';

export const EmailSend = Obj({
  ...emailEventBase,
  campaign_id: campaignId,
  from: Opt(EmailAddress),
  to: Opt(EmailAddress),
  subject: Opt(Str({ description: 'Subject line.' })),
  body: Opt(Str({ description: 'Email body.' })),
});
