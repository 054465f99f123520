/** `customer_record`: a CRM or account entry (profile_api/customer_record.py). */
import { Link } from '../common/link.js';
import { CustomFields } from '../common/custom-fields.js';
import { Bool, DateString, Obj, Opt, OptionalEmailString, Str } from '../common/json-schema.js';

const text = (description?: string) => Opt(Str(description ? { description } : {}));

export const CustomerRecord = Obj({
  link: Link,
  // The raw email attribute: checked like a link email, but "" is no email (validate_email's `if v:`).
  email: Opt(OptionalEmailString('Raw email address (an attribute, not used for linking).')),
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
  employee_flag: Opt(Bool({ description: 'true if the customer is an employee.' })),
  customer_type: text(),
});
