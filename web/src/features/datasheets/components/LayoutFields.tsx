import { useMemo } from 'react';
import { m } from '../../../messages';
import type { FieldDef } from '../api';
import { parseLayout, placedKeys, renderLayout } from '../layout';
import type { SheetEditor } from '../useSheetEditor';
import { displayValue } from '../values';
import { SheetField } from './SheetField';
import styles from './LayoutFields.module.css';

interface Props {
  /** The template's layout as staff wrote it: sanitised here, never inserted as HTML. */
  html: string;
  fields: FieldDef[];
  editor: Pick<SheetEditor, 'form' | 'errors' | 'change' | 'locked'>;
}

/**
 * The sheet in its template's HTML layout: the layout's text and structure (allow-listed) with the
 * sheet's fields as React-managed controls at its `{{ key }}` placeholders. Fields the layout has no
 * place for follow it, so every field can still be filled in.
 */
export function LayoutFields({ html, fields, editor }: Props) {
  const byKey = useMemo(() => new Map(fields.map((f) => [f.key, f])), [fields]);
  const nodes = useMemo(() => parseLayout(html, new Set(byKey.keys())), [html, byKey]);
  const placed = useMemo(() => placedKeys(nodes), [nodes]);
  const rest = fields.filter((f) => !placed.has(f.key));

  const value = (f: FieldDef) => (
    <span className={styles.value}>{displayValue(f, editor.form[f.key]) || <span className="muted">{m.common.none}</span>}</span>
  );
  const content = renderLayout(nodes, (key, repeat) => {
    const f = byKey.get(key);
    if (!f) return null;
    // A field placed twice is a control once; its other places show the value.
    if (repeat || editor.locked) return value(f);
    return <SheetField field={f} value={editor.form[f.key]} onChange={editor.change} error={editor.errors[f.key]} variant="inline" />;
  });

  return (
    <>
      <div className={styles.layout}>{content}</div>
      {rest.length > 0 ? (
        <section className={styles.rest} aria-labelledby="layout-other-fields">
          <h2 id="layout-other-fields">{m.datasheets.layout.otherFields}</h2>
          {rest.map((f) =>
            editor.locked ? (
              <p key={f.key}>
                <strong>{f.label}</strong>: {value(f)}
              </p>
            ) : (
              <SheetField key={f.key} field={f} value={editor.form[f.key]} onChange={editor.change} error={editor.errors[f.key]} />
            ),
          )}
        </section>
      ) : null}
    </>
  );
}
