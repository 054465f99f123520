/** `email_click` (marketing_api/email_event.py EmailClick). */
import { Obj, Opt } from '../common/json-schema.js';
import { ClickedLink, EmailAddress, campaignId, emailEventBase } from '../common/marketing.js';

export const EmailClick = Obj({
  ...emailEventBase,
  campaign_id: campaignId,
  from: Opt(EmailAddress),
  to: Opt(EmailAddress),
  clicked_link: Opt(ClickedLink),
});
