/** `email_open` (marketing_api/email_event.py EmailOpen). */
import { Type } from '@sinclair/typebox';
import { EmailAddress, campaignId, emailEventBase } from '../common/marketing.js';
import { Opt } from '../common/schema-helpers.js';

export const EmailOpen = Type.Object({ ...emailEventBase, campaign_id: campaignId, from: Opt(EmailAddress), to: Opt(EmailAddress) });
