import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { m } from '../../../messages';
import { OwnPortalOnly, useViewingOther } from '../../groups';
import type { FieldDef, SheetView } from '../api';
import { useSheetEditor, type SheetEditor as Editor } from '../useSheetEditor';
import { displayValue } from '../values';
import { SheetField } from './SheetField';
import { TicketLink } from './SheetFacts';
import styles from './SheetEditor.module.css';

const t = m.datasheets.sheet;
// The layout view and its sanitiser (DOMPurify) load only with the layout window.
const LayoutFields = lazy(() => import('./LayoutFields').then((mod) => ({ default: mod.LayoutFields })));

interface Props {
  view: SheetView;
  /** `form`: the fields one below the other; `layout`: in the template's HTML layout. */
  mode: 'form' | 'layout';
  /** Reads the sheet again (after a stale save); resolves to the server's copy. */
  onReload: () => Promise<SheetView | undefined>;
}

/**
 * A sheet's fields with Save draft and Submit; a submitted sheet shows its values, locked. In another
 * company's portal of the contact's group, where saving and submitting are refused, a draft shows its
 * values read-only too, and says why.
 */
export function SheetEditor({ view, mode, onReload }: Props) {
  const ed = useSheetEditor(view);
  const viewingOther = useViewingOther();
  const readOnly = ed.locked || viewingOther;
  const [confirming, setConfirming] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [last, setLast] = useState<'save' | 'submit'>('save');
  const doneRef = useRef<HTMLDivElement>(null);
  const fields = view.template.fields;
  const labels = useMemo(() => Object.fromEntries(fields.map((f) => [`values.${f.key}`, f.label])), [fields]);
  const { sheet } = view;

  // Leaving with unsaved changes asks first (the browser's own question).
  useEffect(() => {
    if (!ed.dirty || ed.locked) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [ed.dirty, ed.locked]);

  useEffect(() => {
    if (ed.message === 'submitted') doneRef.current?.focus();
  }, [ed.message]);

  const save = () => {
    setLast('save');
    ed.save.mutate();
  };
  const submit = () => {
    setLast('submit');
    ed.submit.mutate(undefined, { onSettled: () => setConfirming(false) });
  };
  const reload = async () => {
    setReloading(true);
    try {
      const v = await onReload();
      if (v) ed.reset(v);
    } finally {
      setReloading(false);
    }
  };

  return (
    <>
      <div role="status" className={ed.message === 'saved' ? 'alert alert-ok' : undefined}>
        {ed.message === 'saved' ? <p>{t.saved}</p> : null}
      </div>
      {ed.locked ? (
        <div className={`alert ${ed.message === 'submitted' ? 'alert-ok' : 'alert-info'}`} ref={doneRef} tabIndex={-1}>
          {ed.message === 'submitted' ? (
            <p>{sheet.ticket_number != null ? t.submittedWithTicket(sheet.ticket_number) : t.submitted}</p>
          ) : null}
          <p>{t.locked}</p>
          {sheet.ticket_id ? (
            <p>
              <TicketLink id={sheet.ticket_id} number={sheet.ticket_number} />
            </p>
          ) : null}
        </div>
      ) : null}
      {ed.error && ed.stale ? (
        <div className="alert alert-error" role="alert">
          <p>{t.stale}</p>
          <Button variant="secondary" busy={reloading} onClick={() => void reload()}>
            {t.reload}
          </Button>
        </div>
      ) : (
        <ErrorAlert error={ed.error} fieldLabels={labels} onRetry={last === 'save' ? save : () => setConfirming(true)} />
      )}
      <form
        noValidate
        className={styles.form}
        aria-labelledby="sheet-fields"
        onSubmit={(e) => {
          e.preventDefault();
          if (!readOnly) save();
        }}
      >
        <h2 id="sheet-fields" className={mode === 'layout' ? 'visually-hidden' : undefined}>
          {t.fieldsHeading}
        </h2>
        {readOnly ? null : <p className="muted">{t.requiredNote}</p>}
        {viewingOther && !ed.locked ? <OwnPortalOnly /> : null}
        {mode === 'layout' && view.template.layout_html ? (
          <Suspense fallback={<Loading />}>
            <LayoutFields html={view.template.layout_html} fields={fields} editor={{ ...ed, locked: readOnly }} />
          </Suspense>
        ) : readOnly ? (
          <LockedValues fields={fields} editor={ed} />
        ) : (
          fields.map((f) => <SheetField key={f.key} field={f} value={ed.form[f.key]} onChange={ed.change} error={ed.errors[f.key]} />)
        )}
        {readOnly ? null : (
          <div className="form-actions">
            <Button type="submit" variant="secondary" busy={ed.save.isPending} disabled={ed.submit.isPending}>
              {t.save}
            </Button>
            <Button onClick={() => setConfirming(true)} disabled={ed.save.isPending} busy={ed.submit.isPending}>
              {t.submit}
            </Button>
            {ed.dirty ? <span className={`muted ${styles.unsaved}`}>{t.unsaved}</span> : null}
          </div>
        )}
      </form>
      <ConfirmDialog
        open={confirming}
        title={t.confirmTitle}
        confirmLabel={t.confirm}
        busy={ed.submit.isPending}
        onConfirm={submit}
        onCancel={() => setConfirming(false)}
      >
        <p>{t.confirmBody}</p>
      </ConfirmDialog>
    </>
  );
}

/** A submitted sheet's values, read-only. */
function LockedValues({ fields, editor }: { fields: FieldDef[]; editor: Editor }) {
  return (
    <dl className={styles.values}>
      {fields.map((f) => (
        <div key={f.key} className={styles.pair}>
          <dt>{f.label}</dt>
          <dd>{displayValue(f, editor.form[f.key]) || <span className="muted">{t.notAnswered}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
