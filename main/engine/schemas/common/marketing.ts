/** Pieces shared by the email and SMS events (lexer_schemas/common.py, marketing_api/*.py). */
import { DateTime, EmailString, Obj, Opt, Str, StringEnum } from './json-schema.js';
import { Link } from './link.js';

export const MarketingList = Obj({ id: Str(), name: Str() }, { description: 'The marketing list.' });

/** Sender or recipient of an email; `email` is stripped, lower-cased and matched (email_event.py). */
export const EmailAddress = Obj({ name: Opt(Str()), email: EmailString() });

export const SmsRecipient = Obj({ name: Opt(Str()), number: Opt(Str()) });

export const ClickedLink = Obj({
  name: Opt(Str({ description: 'Plain-text name of the link.' })),
  url: Opt(Str({ description: 'The URL clicked.' })),
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
  email_id: Str({ description: 'Unique identifier of the email event.' }),
  list: Opt(MarketingList),
};

/** Fields every SMS event has (BaseSMSEvent). */
export const smsEventBase = {
  ...eventBase,
  sms_id: Str({ description: 'Unique identifier of the SMS event.' }),
  list: Opt(MarketingList),
};

export const campaignId = Opt(Str({ description: 'Campaign identifier or name.' }));
export const emailStatus = StringEnum(EMAIL_SUBSCRIPTION_STATUSES);
export const smsStatus = StringEnum(SMS_SUBSCRIPTION_STATUSES);
