// Order lines become purchases: a POS or Shopify export with one row per line item, grouped by
// its order column into one record per order (convert --group-by), wherever the lines are in the
// file, in memory or gathered on disk. What is written is read back by Lexer's own validator.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LexerError } from '../../../../main/engine/errors.js';
import { suggestMapping } from '../../../../main/engine/pipeline/column-mapping.js';
import type { ConvertOptions } from '../../../../main/engine/pipeline/convert-to-ndjson.js';
import { vendorRead, vendorSkip } from '../../../helpers/vendor-validator.js';
import { useExportsInTemp } from './exports-in-temp.js';
import { POS_ORDERS, POS_RETURNS, POS_SALES, SHOPIFY_LINE_ITEMS } from './order-fixtures.js';

const { convert, parity } = useExportsInTemp('lexer-orders-');
const oracle = { skip: vendorSkip() };

/** The POS export's mapping as `convert --group-by "Receipt No" --map Store=store.name --map Item= --set ...` makes it. */
const POS_HEADERS = ['Receipt No', 'Date', 'Store', 'Email', 'SKU', 'Item', 'Qty', 'Price', 'Discount', 'Line Total'];
function posMapping(): ConvertOptions['mapping'] {
  const suggested = suggestMapping(POS_HEADERS, 'purchase', 'Receipt No');
  return {
    ...suggested, columns: { ...suggested.columns, Store: 'store.name', Item: null },
    constants: { ...suggested.constants, type: 'physical', 'store.type': 'physical' },
  };
}

/** Many orders of one to four lines, shuffled, so an order's lines are far apart. */
function manyOrders(orders: number): string {
  const lines: string[] = [];
  for (let i = 0; i < orders; i++) {
    for (let j = 0; j <= i % 4; j++) lines.push(`R-${i},2024-03-01 10:00:00,Store ${i % 7},c${i}@example.com,SKU-${j},${j + 1},${(10 + j).toFixed(2)}`);
  }
  let seed = 7;
  for (let i = lines.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
  }
  return ['Receipt No,Date,Store,Email,SKU,Qty,Line Total', ...lines, ''].join('\n');
}

describe('a POS sales export grouped by its receipt number', () => {
  test('the suggestions for line-item headers: SKU with its id_type, Qty, Price as the full price, Discount, Line Total as price_paid', () => {
    const m = suggestMapping(POS_HEADERS, 'purchase', 'Receipt No');
    assert.deepEqual(m.columns, {
      'Receipt No': 'purchase_id', Date: 'action_at', Email: 'link.email', SKU: 'products.product_reference.id', Qty: 'products.quantity',
      Price: 'products.full_price', Discount: 'products.discount', 'Line Total': 'products.price_paid',
    });
    assert.deepEqual(m.constants, { 'products.product_reference.id_type': 'sku' });
    // Not grouped, no line-item field is suggested (a column cannot fill a list's items).
    assert.deepEqual(Object.values(suggestMapping(POS_HEADERS, 'purchase').columns).filter((p) => p?.startsWith('products')), []);
    // A return has no discount nor full price; UPC and product ids say their kind too.
    assert.deepEqual(suggestMapping(['Return No', 'UPC', 'Qty', 'Line Total', 'Discount'], 'return', 'Return No').columns, {
      'Return No': 'return_id', UPC: 'products.product_reference.id', Qty: 'products.quantity', 'Line Total': 'products.price_paid',
    });
    assert.deepEqual(suggestMapping(['Order ID', 'Product ID'], 'purchase', 'Order ID').constants, { 'products.product_reference.id_type': 'product_id' });
  });

  test('one purchase per receipt, each line one product, in the order each receipt first appears; the counts name orders and lines', async () => {
    const { result, records } = await convert('pos-sales.csv', POS_SALES, { recordType: 'purchase', mapping: posMapping() });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(records, POS_ORDERS);
    assert.deepEqual(result.orders, { written: 3, refused: 0 });
    assert.equal(result.rows, 5, 'lines read');
    assert.equal(result.written, 3);
    assert.equal(result.rejected, 0);
  });

  test('Lexer\'s validator accepts every order written', oracle, async () => {
    const { text } = await convert('pos-sales.csv', POS_SALES, { recordType: 'purchase', mapping: posMapping() });
    const read = vendorRead(text, 'purchase');
    assert.equal(read.length, 3);
    for (const r of read) parity.check(r.ok && Array.isArray(r.value.products), `order on line ${r.line}: ${r.ok ? '' : r.error}`);
  });

  test('lines that disagree on an order-level column refuse that order, naming it and its lines; the other orders are written', async () => {
    const moved = POS_SALES.replace('R-1003,14/03/2024 11:40,Carlton,cat@example.com,CAP-01', 'R-1003,14/03/2024 11:40,Fitzroy,cat@example.com,CAP-01');
    const { result, records } = await convert('pos-sales.csv', moved, { recordType: 'purchase', mapping: posMapping() });
    assert.deepEqual(records.map((r) => r.purchase_id), ['R-1001', 'R-1002']);
    assert.deepEqual(result.orders, { written: 2, refused: 1 });
    assert.equal(result.rejected, 2, 'both lines of R-1003 are left out');
    assert.deepEqual(result.errors.map((e) => [e.line, e.field, e.identifier]), [[6, 'store.name', 'cat@example.com']]);
    assert.equal(result.errors[0]?.message, 'order "R-1003" (lines 4 and 6): store.name: "Carlton" on line 4, "Fitzroy" on line 6; a column of the order must hold the same value on each of its lines (or be empty)');
  });

  test('a line whose quantity cannot be read refuses its order, on that line and naming the product', async () => {
    const { result, records } = await convert('pos-sales.csv', POS_SALES.replace('SOCK-3PK,Socks 3 pack,1,', 'SOCK-3PK,Socks 3 pack,one,'), { recordType: 'purchase', mapping: posMapping() });
    assert.deepEqual(records.map((r) => r.purchase_id), ['R-1002', 'R-1003']);
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0]?.line, 5);
    assert.equal(result.errors[0]?.field, 'products[].quantity');
    assert.match(result.errors[0]?.message ?? '', /^order "R-1001" \(lines 2 and 5\): products\[1\]\.quantity: /);
  });

  test('a broken line (a value with an unquoted comma) refuses its order; a line with no receipt number is refused alone', async () => {
    const broken = POS_SALES.replace('CAP-01,Cap,1,15.00', 'CAP-01,Cap, blue,1,15.00').replace('R-1003,14/03/2024 11:40,Carlton,cat@example.com,TEE', ',14/03/2024 11:40,Carlton,cat@example.com,TEE');
    const { result, records } = await convert('pos-sales.csv', broken, { recordType: 'purchase', mapping: posMapping() });
    assert.deepEqual(records.map((r) => r.purchase_id), ['R-1001', 'R-1003']);
    assert.deepEqual(result.errors.map((e) => [e.line, e.rule]), [[3, 'wrong number of fields'], [4, 'no order']]);
    assert.match(result.errors[0]?.message ?? '', /^order "R-1002" \(line 3\): the row has 11 values but the header has 10 columns/);
    assert.equal(result.errors[1]?.message, 'column "Receipt No" is empty, so the line belongs to no order');
    assert.deepEqual(result.orders, { written: 2, refused: 2 }, 'the line of no order counts as a record refused');
    assert.equal(result.rejected, 2);
  });

  test('an item-name column left to custom_fields differs from line to line: the message says to map it or leave it out', async () => {
    const { result } = await convert('pos-sales.csv', POS_SALES, { recordType: 'purchase', mapping: { ...posMapping(), columns: { ...posMapping()?.columns, Item: undefined as unknown as null } } });
    assert.match(result.errors.find((e) => e.field === 'custom_fields.item')?.message ?? '', /belongs to no field of the order: map it to a products\.\* field, or leave it out/);
  });
});

describe('grouping on disk: a file larger than memory', () => {
  test('the lines gathered in partition files give the same orders as in memory, and the private folder is gone afterwards', async () => {
    const csv = manyOrders(3000);
    const mapping = { ...suggestMapping(['Receipt No', 'Date', 'Store', 'Email', 'SKU', 'Qty', 'Line Total'], 'purchase', 'Receipt No'), constants: { type: 'physical', 'products.product_reference.id_type': 'sku' } };
    const memory = await convert('big.csv', csv, { recordType: 'purchase', mapping });
    const root = await mkdtemp(join(tmpdir(), 'lexer-orders-spill-'));
    try {
      // 4 KiB partitions: 128 files, the larger split again; two worker threads build the orders.
      const disk = await convert('big.csv', csv, { recordType: 'purchase', mapping, groupPartitionBytes: 4096, tempRoot: root, workers: 2 });
      assert.equal(memory.result.orders?.written, 3000);
      assert.deepEqual(disk.result.orders, memory.result.orders);
      const byId = (rs: Array<Record<string, unknown>>) => new Map(rs.map((r) => [r.purchase_id, r]));
      assert.deepEqual(byId(disk.records), byId(memory.records));
      // Each order's products in file order: R-3's four lines were shuffled, their SKUs keep the file's order.
      const order3 = csv.split('\n').filter((l) => l.startsWith('R-3,')).map((l) => l.split(',')[4]);
      assert.deepEqual((byId(disk.records).get('R-3')?.products as Array<{ product_reference: { id: string } }>).map((p) => p.product_reference.id), order3);
      assert.deepEqual(await readdir(root), [], 'the partition folder is removed');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('Shopify\'s orders export and a POS returns export', () => {
  test('Shopify: the order\'s columns on its first line only fill the whole order; without a line total every order is refused, and said so up front', async () => {
    const columns = { ...suggestMapping(SHOPIFY_LINE_ITEMS.split('\n')[0]?.split(',') ?? [], 'purchase', 'Name').columns, Name: 'purchase_id', 'Lineitem name': null };
    const refused = await convert('orders_export.csv', SHOPIFY_LINE_ITEMS, { recordType: 'purchase', mapping: { columns, groupBy: 'Name', constants: { type: 'ecommerce', 'products.product_reference.id_type': 'sku' } } });
    assert.equal(refused.result.written, 0);
    assert.match(refused.result.notes.join('\n'), /No column fills products\.price_paid, which every purchase record needs/);
    // The person says the unit price is what was paid (every quantity here is 1 but one, which the check then shows).
    const { result, records } = await convert('orders_export.csv', SHOPIFY_LINE_ITEMS, {
      recordType: 'purchase', mapping: { columns: { ...columns, 'Lineitem price': 'products.price_paid' }, groupBy: 'Name', constants: { type: 'ecommerce', 'products.product_reference.id_type': 'sku' } },
    });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(records.map((r) => [r.purchase_id, r.currency, (r.link as { email: string }).email, (r.products as unknown[]).length]), [['#1001', 'AUD', 'ann@example.com', 2], ['#1002', 'AUD', 'bob@example.com', 1]]);
    assert.equal(records[0]?.action_at, '2024-02-29T10:00:00+11:00');
  });

  test('a return\'s lines, written negative, make one return record Lexer\'s validator accepts', oracle, async () => {
    const mapping = suggestMapping(POS_RETURNS.split('\n')[0]?.split(',') ?? [], 'return', 'Return No');
    const { result, text, records } = await convert('returns.csv', POS_RETURNS, { recordType: 'return', mapping: { ...mapping, constants: { ...mapping.constants, type: 'physical' } } });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(records, [{
      return_id: 'X-77', action_at: '2024-03-20T15:00:00', link: { customer_id: 'C-17' }, type: 'physical',
      products: [{ product_reference: { id: 'TEE-BLK-M', id_type: 'sku' }, quantity: -1, price_paid: -27.45 }, { product_reference: { id: 'SOCK-3PK', id_type: 'sku' }, quantity: -1, price_paid: -12 }],
    }]);
    for (const r of vendorRead(text, 'return')) parity.check(r.ok, `return on line ${r.line}`);
  });
});

describe('what cannot be grouped is refused before anything is read', () => {
  test('--group-by naming no column, a record type without products, a column sent to the whole products list, a line-item value without grouping', async () => {
    const refusal = async (o: Partial<ConvertOptions>): Promise<LexerError> => {
      const error = await convert('pos-sales.csv', POS_SALES, { recordType: 'purchase', ...o }).then(() => null, (e: unknown) => e);
      assert.ok(error instanceof LexerError, String(error));
      return error;
    };
    const missing = await refusal({ mapping: { groupBy: 'Receipt Number' } });
    assert.equal(missing.code, 'usage');
    assert.match(missing.message, /--group-by "Receipt Number" names no column of .*pos-sales\.csv\. The closest headers: "Receipt No"/);
    assert.match((await refusal({ recordType: 'customer_record', mapping: { groupBy: 'Receipt No' } })).message, /a customer_record record has no products list/);
    assert.match((await refusal({ mapping: { groupBy: 'Receipt No', columns: { SKU: 'products' } } })).message, /each row is one item of products/);
    const ungrouped = await refusal({ mapping: { columns: { Qty: 'products.quantity' } } });
    assert.match(ungrouped.hint ?? '', /convert --group-by "Order ID"; in the app, "One record per"/);
    assert.match((await refusal({ mapping: { constants: { 'products.product_reference.id_type': 'sku' } } })).message, /applies only when rows are grouped into orders/);
  });
});
