/** `email_click` (marketing_api/email_event.py EmailClick). */
import { Type } from '@sinclair/typebox';
import { ClickedLink, EmailAddress, campaignId, emailEventBase } from '../common/marketing.js';
import { Opt } from '../common/schema-helpers.js';

export const EmailClick = Type.Object({
  ...emailEventBase,
  campaign_id: campaignId,
  from: Opt(EmailAddress),
  to: Opt(EmailAddress),
  clicked_link: Opt(ClickedLink),
});
