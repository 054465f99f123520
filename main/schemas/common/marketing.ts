/** Pieces shared by the email and SMS events (lexer_schemas/common.py, marketing_api/*.py). */
import { Type } from '@sinclair/typebox';
import { DateTime, EmailString, Opt, StringEnum } from './schema-helpers.js';
import { Link } from './link.js';

export const MarketingList = Type.Object({ id: Type.String(), name: Type.String() }, { description: 'The marketing list.' });

/** Sender or recipient of an email; `email` follows the link email pattern (email_event.py). */
export const EmailAddress = Type.Object({ name: Opt(Type.String()), email: EmailString() });

export const SmsRecipient = Type.Object({ name: Opt(Type.String()), number: Opt(Type.String()) });

export const ClickedLink = Type.Object({
  name: Opt(Type.String({ description: 'Plain-text name of the link.' })),
  url: Opt(Type.String({ description: 'The URL clicked.' })),
});

export const EMAIL_SUBSCRIPTION_STATUSES = ['subscribed', 'unsubscribed', 'transactional', 'undeliverable'] as const;
export const SMS_SUBSCRIPTION_STATUSES = [...EMAIL_SUBSCRIPTION_STATUSES, 'list_subscribed', 'list_unsubscribed'] as const;

/** Fields every event has (common.py BaseEvent). */
export const eventBase = {
  link: Link,
  action_at: DateTime('When it happened: ISO 8601 date and time, or a Unix timestamp.'),
};

/** Fields every email event has (BaseEmailEvent). */
export const emailEventBase = {
  ...eventBase,
  email_id: Type.String({ description: 'Unique identifier of the email event.' }),
  list: Opt(MarketingList),
};

/** Fields every SMS event has (BaseSMSEvent). */
export const smsEventBase = {
  ...eventBase,
  sms_id: Type.String({ description: 'Unique identifier of the SMS event.' }),
  list: Opt(MarketingList),
};

export const campaignId = Opt(Type.String({ description: 'Campaign identifier or name.' }));
export const emailStatus = StringEnum(EMAIL_SUBSCRIPTION_STATUSES);
export const smsStatus = StringEnum(SMS_SUBSCRIPTION_STATUSES);
