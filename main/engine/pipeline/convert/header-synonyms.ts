/**
 * Header names people use in CRM and POS exports, normalised (lower case, letters and digits
 * only), mapped to candidate field paths in order of preference. Only candidates the chosen
 * record type has are suggested; `link.*` candidates are skipped once another column is the link,
 * because a record's link is exactly one variant (vendor rule, FILE_UPLOAD_API.md).
 */
export const HEADER_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  email: ['link.email', 'email'],
  emailaddress: ['link.email', 'email'],
  mail: ['link.email', 'email'],
  emailsha256: ['link.email_sha256', 'email_sha256'],
  sha256: ['link.email_sha256', 'email_sha256'],
  emailmd5: ['link.email_md5'],
  customerid: ['link.customer_id', 'customer_id'],
  customernumber: ['link.customer_id', 'customer_id'],
  customerno: ['link.customer_id', 'customer_id'],
  custid: ['link.customer_id', 'customer_id'],
  custno: ['link.customer_id', 'customer_id'],
  clientid: ['link.customer_id', 'customer_id'],
  memberid: ['link.customer_id', 'customer_id'],
  systemname: ['link.system_name'],
  sourcesystem: ['link.system_name'],
  externalid: ['link.external_id'],
  mobile: ['link.mobile', 'mobile'],
  mobilenumber: ['link.mobile', 'mobile'],
  mobilephone: ['link.mobile', 'mobile'],
  phone: ['link.mobile', 'mobile'],
  phonenumber: ['link.mobile', 'mobile'],
  cell: ['link.mobile', 'mobile'],
  cellphone: ['link.mobile', 'mobile'],
  firstname: ['first_name'],
  fname: ['first_name'],
  givenname: ['first_name'],
  forename: ['first_name'],
  lastname: ['last_name'],
  lname: ['last_name'],
  surname: ['last_name'],
  familyname: ['last_name'],
  dob: ['date_of_birth'],
  dateofbirth: ['date_of_birth'],
  birthdate: ['date_of_birth'],
  birthday: ['date_of_birth'],
  sex: ['gender'],
  suburb: ['city'],
  town: ['city'],
  province: ['state'],
  postalcode: ['postcode', 'zip'],
  zipcode: ['zip', 'postcode'],
  address: ['address_1'],
  address1: ['address_1'],
  addressline1: ['address_1'],
  street: ['address_1'],
  streetaddress: ['address_1'],
  address2: ['address_2'],
  addressline2: ['address_2'],
  employee: ['employee_flag'],
  isemployee: ['employee_flag'],
  staff: ['employee_flag'],
  customertype: ['customer_type'],
  segment: ['customer_type'],
};

/** Lower case, letters and digits only: 'E-mail Address' -> 'emailaddress', 'link.customer_id' -> 'linkcustomerid'. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
