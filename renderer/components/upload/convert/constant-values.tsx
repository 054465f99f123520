/**
 * "Same value for every record": values for fields the export lacks (`type: physical`,
 * `store.type: ecommerce`), each a field and its value; a field with set values (an enum) offers
 * them. Suggestions bring some (a SKU column's id_type: sku), which can be changed or removed.
 */
import { useId } from 'react';
import type { FieldOption } from '../../../../main/contract/jobs.js';

interface Props {
  readonly fields: readonly FieldOption[];
  readonly constants: Readonly<Record<string, string>>;
  /** Fields no column fills that every record needs: the first is offered first. */
  readonly missing: readonly string[];
  readonly onChange: (constants: Readonly<Record<string, string>>) => void;
  readonly disabled: boolean;
}

/** The list of values and "Add a value". */
export function ConstantValues({ fields, constants, missing, onChange, disabled }: Props) {
  const id = useId();
  const entries = Object.entries(constants);
  const offered = fields.filter((f) => f.kind !== 'array' && !f.path.startsWith('link.'));
  const replace = (index: number, path: string, value: string) => {
    onChange(Object.fromEntries(entries.map(([p, v], i) => (i === index ? [path, value] : [p, v]))));
  };
  const add = () => {
    const free = offered.filter((f) => !(f.path in constants));
    const next = free.find((f) => missing.includes(f.path)) ?? free[0];
    if (next) onChange({ ...constants, [next.path]: next.enumValues?.[0] ?? '' });
  };
  return (
    <div className="constants">
      {entries.length > 0 && (
        <table>
          <caption>Same value for every record</caption>
          <thead>
            <tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col"><span className="visually-hidden">Remove</span></th></tr>
          </thead>
          <tbody>
            {entries.map(([path, value], i) => {
              const field = fields.find((f) => f.path === path);
              return (
                <tr key={path}>
                  <td>
                    <select aria-label={`Field for value ${i + 1}`} value={path} disabled={disabled} onChange={(e) => replace(i, e.target.value, fields.find((f) => f.path === e.target.value)?.enumValues?.[0] ?? '')}>
                      {!field && <option value={path}>{path}</option>}
                      {offered.filter((f) => f.path === path || !(f.path in constants)).map((f) => <option key={f.path} value={f.path}>{f.path}</option>)}
                    </select>
                  </td>
                  <td>
                    {field?.enumValues ? (
                      <select aria-label={`Value of ${path}`} value={value} disabled={disabled} onChange={(e) => replace(i, path, e.target.value)}>
                        {field.enumValues.map((v) => <option key={v} value={v}>{v}</option>)}
                      </select>
                    ) : (
                      <input type="text" aria-label={`Value of ${path}`} spellCheck={false} value={value} disabled={disabled} onChange={(e) => replace(i, path, e.target.value)} />
                    )}
                  </td>
                  <td>
                    <button type="button" disabled={disabled} onClick={() => onChange(Object.fromEntries(entries.filter((_, j) => j !== i)))}>Remove</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="buttons">
        <button type="button" id={`${id}-add`} disabled={disabled} onClick={add} aria-describedby={`${id}-hint`}>Add a value every record gets</button>
      </div>
      <p id={`${id}-hint`} className="hint">For a field the file has no column for, such as a purchase&apos;s type (physical or ecommerce).</p>
    </div>
  );
}
