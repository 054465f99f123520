/**
 * Column mapping: for each CSV header, the schema field it fills, a custom field, or nothing.
 * The choices are every field of the record type (`mapping.fields`), plus "Another field…" for
 * typing any dotted path. A custom field's key is shown under the choice rather than inside it:
 * "Custom field (custom_fields.accepts_email_marketing)" did not fit a select at 800 px and was
 * cut off.
 */
import { useId } from 'react';
import type { DateColumn } from '../../../../main/contract/files.js';
import type { ColumnMapping, DateOrder } from '../../../../main/contract/jobs.js';
import { DateOrderChoice } from './date-order-choice.js';

const DROP = '__drop__';
const OTHER = '__other__';

interface Props {
  readonly headers: readonly string[];
  readonly sample: readonly string[] | undefined;
  readonly mapping: ColumnMapping;
  /** Field paths to offer: the record type's fields and main's suggestions. */
  readonly fields: readonly string[];
  /** The fields that hold dates or date-times: a column sent to one gets a choice of day/month order. */
  readonly dateFields: ReadonlySet<string>;
  /** What the preview's rows say about each date column's order. */
  readonly dateColumns: readonly DateColumn[];
  readonly onChange: (mapping: ColumnMapping) => void;
  readonly disabled: boolean;
}

/** The custom field name a header becomes (`Loyalty Points` -> `custom_fields.loyalty_points`). */
export function customFieldFor(header: string): string {
  const slug = header.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `custom_fields.${slug || 'column'}`;
}

/** A table of header -> field selects. */
export function MappingEditor({ headers, sample, mapping, fields, dateFields, dateColumns, onChange, disabled }: Props) {
  const id = useId();
  const setColumn = (header: string, value: string | null) => onChange({ ...mapping, columns: { ...mapping.columns, [header]: value } });
  const setDateOrder = (header: string, order: DateOrder | null) => {
    const { [header]: _previous, ...others } = mapping.dateOrders ?? {};
    onChange({ ...mapping, dateOrders: order === null ? others : { ...others, [header]: order } });
  };
  return (
    <div className="mapping">
      <table>
        <caption>Column mapping</caption>
        <thead>
          <tr><th scope="col">Column</th><th scope="col">Example</th><th scope="col">Sent as</th></tr>
        </thead>
        <tbody>
          {headers.map((header, i) => {
            const value = mapping.columns[header];
            const custom = customFieldFor(header);
            const known = value === null || value === undefined || value === custom || fields.includes(value);
            const selected = value === null ? DROP : value === undefined ? (mapping.unknownColumns === 'drop' ? DROP : custom) : known ? value : OTHER;
            const selectId = `${id}-col-${i}`;
            const keyId = `${id}-key-${i}`;
            return (
              <tr key={`${header}-${i}`}>
                <th scope="row"><label htmlFor={selectId}>{header}</label></th>
                <td className="example">{sample?.[i] ?? ''}</td>
                <td>
                  <select
                    id={selectId}
                    value={selected}
                    disabled={disabled}
                    aria-describedby={selected === custom ? keyId : undefined}
                    onChange={(e) => {
                      const v = e.target.value;
                      setColumn(header, v === DROP ? null : v === OTHER ? '' : v);
                    }}
                  >
                    {fields.map((f) => <option key={f} value={f}>{f}</option>)}
                    <option value={custom}>Custom field</option>
                    <option value={DROP}>Leave out this column</option>
                    <option value={OTHER}>Another field…</option>
                  </select>
                  {selected === custom && <span id={keyId} className="custom-key">as <code>{custom}</code></span>}
                  {value && dateFields.has(value) && (
                    <DateOrderChoice
                      header={header}
                      found={dateColumns.find((d) => d.header === header) ?? null}
                      chosen={mapping.dateOrders?.[header] ?? null}
                      onChange={(order) => setDateOrder(header, order)}
                      disabled={disabled}
                    />
                  )}
                  {selected === OTHER && (
                    <input
                      type="text"
                      spellCheck={false}
                      aria-label={`Field path for ${header}`}
                      placeholder="e.g. link.email"
                      value={value ?? ''}
                      disabled={disabled}
                      onChange={(e) => setColumn(header, e.target.value)}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="checkbox">
        <input
          id={`${id}-infer`}
          type="checkbox"
          checked={mapping.inferCustomTypes}
          disabled={disabled}
          onChange={(e) => onChange({ ...mapping, inferCustomTypes: e.target.checked })}
        />
        <label htmlFor={`${id}-infer`}>Send numbers and true/false in custom fields as such (otherwise as text)</label>
      </div>
    </div>
  );
}
