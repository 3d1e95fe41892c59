import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TextAreaField, TextField } from '../../../components/Field';
import { focusFirstInvalid } from '../../../lib/focusInvalid';
import { ApiProblem } from '../../../lib/problem';
import { useFieldErrors } from '../../../lib/useFieldErrors';
import { formatMoney } from '../../../lib/money';
import { m } from '../../../messages';
import type { Authorise, QuoteView } from '../api';
import styles from './DecisionForm.module.css';

export type DecisionMode = 'authorise' | 'decline';

interface Props {
  mode: DecisionMode;
  quote: QuoteView;
  /** The signed-in contact's name, offered as the signature. */
  defaultName: string;
  busy: boolean;
  error: unknown;
  /** Sends the decision; rejects with the API's problem (shown from `error`). */
  onDecide: (body: Authorise) => Promise<unknown>;
}

const t = m.billing.decide;

/**
 * Authorise (name, order number, note) or decline (name, note) a quote. Submitting asks once more,
 * saying the decision is final; only the confirmation sends it. The API's refusals show here: a conflict
 * (someone decided meanwhile, or the quote expired) as an alert, a field's problem at the field.
 */
export function DecisionForm({ mode, quote, defaultName, busy, error, onDecide }: Props) {
  const headingId = useId();
  // Until edited, the name follows the signed-in contact's (which may arrive after the form).
  const [typedName, setName] = useState<string | null>(null);
  const name = typedName ?? defaultName;
  const [orderNumber, setOrderNumber] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const fields = useFieldErrors(error);
  const authorise = mode === 'authorise';
  const labels = { name: t.fields.name, order_number: t.fields.order_number, note: t.fields.note };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!name.trim()) {
      setMissing(true);
      focusFirstInvalid(e.currentTarget);
      return;
    }
    setConfirming(true);
  };

  const confirm = async (form: HTMLFormElement | null) => {
    const body: Authorise = { name: name.trim(), note: note.trim() || null };
    if (authorise) body.order_number = orderNumber.trim() || null;
    try {
      await onDecide(body);
    } catch (e) {
      setConfirming(false);
      if (e instanceof ApiProblem && e.status === 422) focusFirstInvalid(form);
    }
  };

  const formId = useId();
  return (
    <form id={formId} className={`card ${styles.form}`} noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{authorise ? t.authoriseTitle : t.declineTitle}</h3>
      {/* A conflict is said by the page, which also shows the decision someone else made. */}
      {error instanceof ApiProblem && error.status === 409 ? null : <ErrorAlert error={error} fieldLabels={labels} />}
      <TextField
        label={t.fields.name}
        name="name"
        autoComplete="name"
        required
        hint={t.nameHint}
        value={name}
        error={missing ? t.required(t.fields.name) : fields.name}
        onChange={(e) => {
          setName(e.target.value);
          setMissing(false);
        }}
      />
      {authorise ? (
        <TextField
          label={t.fields.order_number}
          name="order_number"
          hint={t.orderHint}
          value={orderNumber}
          error={fields.order_number}
          onChange={(e) => setOrderNumber(e.target.value)}
        />
      ) : null}
      <TextAreaField
        label={t.fields.note}
        name="note"
        rows={3}
        hint={authorise ? undefined : t.declineNoteHint}
        value={note}
        error={fields.note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" variant={authorise ? 'primary' : 'danger'} busy={busy}>
          {authorise ? t.authorise : t.decline}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={authorise ? t.confirmAuthoriseTitle(quote.number) : t.confirmDeclineTitle(quote.number)}
        confirmLabel={authorise ? t.confirmAuthoriseButton : t.confirmDeclineButton}
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void confirm(document.getElementById(formId) as HTMLFormElement | null)}
      >
        <p>{authorise ? t.confirmAuthorise(formatMoney(quote.total, quote.currency), name.trim()) : t.confirmDecline(name.trim())}</p>
        <p>
          <strong>{t.final}</strong>
        </p>
      </ConfirmDialog>
    </form>
  );
}
