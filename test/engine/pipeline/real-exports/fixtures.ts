// Files in the shape real exports have, made here (the originals hold customer data): a Klaviyo
// profile export opened in Excel, SQL Server's `bcp -w`, an old Mac's FileMaker export, two POS
// loyalty exports joined with `cat`, German Excel, `jq .` output, a download cut short, a
// pre-allocated file never written, Shopify's "Created at".
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

/** A Klaviyo profile export saved from Excel with the Birthday column formatted "General". */
export const KLAVIYO_SERIAL_BIRTHDAYS = [
  'Email,First Name,Last Name,Birthday,Phone Number',
  'jane.citizen@example.com,Jane,Citizen,31110,+61491570006',
  'raj.patel@example.com,Raj,Patel,32874,',
  'mei.chen@example.com,Mei,Chen,36950,+61491570008',
  'leap.day@example.com,Leap,Day,45351,',
  'iso.already@example.com,Iso,Already,1979-11-30,',
  '',
].join('\r\n');

/** The birthdays that file means (Excel's 1900 date system). */
export const KLAVIYO_BIRTHDAYS = ['1985-03-04', '1990-01-01', '2001-02-28', '2024-02-29', '1979-11-30'];

const BCP_ROWS = [
  ['customer_id', 'email', 'first_name', 'last_name', 'city'],
  ['1001', 'jose.garcia@example.com', 'José', 'García', 'Málaga'],
  ['1002', 'zoe.muller@example.com', 'Zoë', 'Müller', 'Zürich'],
  ['1003', 'francois@example.com', 'François', 'Lefèvre', 'Besançon'],
];

/** SQL Server `bcp ... -w`: UTF-16 without a byte-order mark, tab-separated, CRLF. */
export function bcpExport(encoding: 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'): Buffer {
  const text = `${BCP_ROWS.map((r) => r.join('\t')).join('\r\n')}\r\n`;
  return iconv.encode(text, encoding, { addBOM: false });
}

/** The people of the bcp export, as they should read. */
export const BCP_NAMES = BCP_ROWS.slice(1).map((r) => r[2]);

/** The same customers as NDJSON written by a Windows tool in UTF-16 LE without a mark. */
export function utf16Ndjson(): Buffer {
  const lines = BCP_ROWS.slice(1).map((r) => JSON.stringify({ link: { customer_id: r[0] }, email: r[1], first_name: r[2], last_name: r[3], city: r[4] }));
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'utf-16le', { addBOM: false });
}

const MAC_ROWS = [
  'First Name,Last Name,Email,City',
  'José,Müller,jose.muller@example.com,Zürich',
  'François,Crème,francois.creme@example.com,Besançon',
  'Åsa,Ångström,asa@example.com,Göteborg',
  'Chloë,Nuñez,chloe@example.com,Ñuñoa',
];

/** An old Mac's export (FileMaker, AppleWorks): Mac Roman, lines ended by a lone CR. */
export const MAC_ROMAN_EXPORT = iconv.encode(`${MAC_ROWS.join('\r')}\r`, 'macintosh');

/** The first names of that export. */
export const MAC_NAMES = MAC_ROWS.slice(1).map((r) => r.split(',')[0]);

/** That export with the rows of a Windows-1252 export appended: no single encoding reads it. */
export const MIXED_MAC_AND_WINDOWS = Buffer.concat([
  iconv.encode(`${MAC_ROWS.slice(0, 3).join('\r\n')}\r\n`, 'macintosh'),
  iconv.encode('Renée,Dubé,renee@example.com,Montréal\r\nZoë,Brontë,zoe@example.com,Haworth\r\n', 'windows-1252'),
]);

const POS_HEADER = 'Customer ID,First Name,Last Name,Home Store,Points Balance,Tags';

/** Two exports of a POS loyalty list joined with `cat`: the second's BOM and header sit mid-file. */
export const POS_JOINED = Buffer.concat([
  Buffer.from(`\ufeff${POS_HEADER}\n7001,Ann,Lee,Melbourne CBD,1205,VIP\n7002,Bob,Ng,Chadstone,80,\n`),
  Buffer.from(`\ufeff${POS_HEADER}\n7003,Cy,Ode,Perth,310,\n7004,Di,Fox,Hobart,0,\n`),
]);

/** A Shopify customer export opened and saved in Excel: long ids and phone numbers in scientific notation. */
export const SHOPIFY_VIA_EXCEL = [
  'Customer ID,First Name,Email,Phone',
  '6149164187831,Ann,ann@example.com,61491570101',
  '6.14916E+12,Bob,bob@example.com,61491570102',
  '6149164187833,Cy,cy@example.com,6.14916E+10',
  '',
].join('\r\n');

/** A German Excel product export: semicolons, decimal commas, dots grouping thousands. */
export const GERMAN_PRODUCTS = [
  'product_id;name;price',
  'P-100;Wintermantel;1.234,50',
  'P-101;Sofa;1.234',
  'P-102;Schal;29,95',
  'P-103;Tisch;2.499',
  'P-104;Lampe;12.5',
  '',
].join('\r\n');

/** The prices those rows mean; the last is refused (a decimal point in a decimal-comma file). */
export const GERMAN_PRICES = [1234.5, 1234, 29.95, 2499];

/** Customer records... */
export const JQ_RECORDS = [
  { link: { email: 'ann@example.com' }, first_name: 'Ann', custom_fields: { tier: 'gold' } },
  { link: { customer_id: 'C-2' }, first_name: 'Bob', date_of_birth: '1990-01-01' },
];

/** ...as `jq .` prints them: each object over several lines. */
export const JQ_PRETTY = JQ_RECORDS.map((r) => JSON.stringify(r, null, 2)).join('\n') + '\n';

/** A gzipped NDJSON export whose download stopped at 60% of its bytes. */
export function truncatedGzip(records = 5000): { bytes: Buffer; whole: Buffer } {
  const lines = Array.from({ length: records }, (_, i) => JSON.stringify({ link: { email: `customer${i}@example.com` }, first_name: `Name${i}`, custom_fields: { score: String(i * 7919 % 1000) } }));
  const whole = gzipSync(`${lines.join('\n')}\n`);
  return { bytes: whole.subarray(0, Math.floor(whole.length * 0.6)), whole };
}

/** A download that reserved its space and never wrote it: zero bytes only. */
export const ZERO_BYTES = Buffer.alloc(256 * 1024);

/** A Shopify orders export (grouped one row per order) with "Created at" as Shopify writes it. */
export const SHOPIFY_ORDERS = [
  'Name,Email,Created at,type,products',
  '#1001,ann@example.com,2024-02-29 10:00:00 +1100,ecommerce,"[{""price_paid"": 29.95, ""quantity"": 1}]"',
  '#1002,bob@example.com,2024-03-01 09:30:15 -0500,ecommerce,"[{""price_paid"": 5, ""quantity"": 2}]"',
  '',
].join('\n');

/** The instants those rows mean, as the vendor's validator prints them. */
export const SHOPIFY_CREATED = ['2024-02-29T10:00:00+11:00', '2024-03-01T09:30:15-05:00'];

/** A CRM export whose first 256 KiB are plain ASCII and whose later rows are Windows-1252. */
export function lateWindows1252(): Buffer {
  const ascii = Array.from({ length: 9000 }, (_, i) => `member${i}@example.com,Member,Number${i}`).join('\n');
  return Buffer.concat([Buffer.from(`email,first_name,last_name\n${ascii}\n`), iconv.encode('rene@example.com,René,Lévesque\n', 'windows-1252')]);
}

/** A CSV `columns` wide: an email and then numbered attribute columns with names `width` long. */
export function wideCsv(columns: number, width = 24): string {
  const header = ['email', ...Array.from({ length: columns - 1 }, (_, i) => `attribute_${String(i + 1).padStart(width - 10, '0')}`)];
  const row = (n: number): string => [`wide${n}@example.com`, ...Array.from({ length: columns - 1 }, (_, i) => String((i * n) % 97))].join(',');
  return `${header.join(',')}\n${row(1)}\n${row(2)}\n`;
}
