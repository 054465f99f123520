/** `customer_record`: a CRM or account entry (profile_api/customer_record.py). */
import { Type } from '@sinclair/typebox';
import { Link } from '../common/link.js';
import { CustomFields } from '../common/custom-fields.js';
import { DateString, EmailString, Opt } from '../common/schema-helpers.js';

const text = (description?: string) => Opt(Type.String(description ? { description } : {}));

export const CustomerRecord = Type.Object({
  link: Link,
  // The raw email attribute carries the email pattern in the vendor's schema.
  email: Opt(EmailString('Raw email address (an attribute, not used for linking).')),
  email_sha256: text('SHA-256 of the lowercased email (an attribute, not used for linking).'),
  mobile: text('Mobile number with country code (an attribute, not used for linking).'),
  customer_id: text(),
  custom_fields: CustomFields,
  first_name: text(),
  last_name: text(),
  gender: text(),
  date_of_birth: Opt(DateString('Date of birth, YYYY-MM-DD.')),
  country: text(),
  state: text(),
  city: text(),
  postcode: text(),
  zip: text(),
  address_1: text(),
  address_2: text(),
  employee_flag: Opt(Type.Boolean({ description: 'true if the customer is an employee.' })),
  customer_type: text(),
});
