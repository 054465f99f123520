/** `email_open` (marketing_api/email_event.py EmailOpen). */
import { Obj, Opt } from '../common/json-schema.js';
import { EmailAddress, campaignId, emailEventBase } from '../common/marketing.js';

export const EmailOpen = Obj({ ...emailEventBase, campaign_id: campaignId, from: Opt(EmailAddress), to: Opt(EmailAddress) });
