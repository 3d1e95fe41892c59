import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFieldErrors } from '../../../lib/useFieldErrors';
import { m } from '../../../messages';
import type { TicketEdit } from '../api';
import { missingText, TicketTextFields } from './TicketTextFields';

type Field = keyof TicketEdit;

interface Props {
  /** The subject and description as they are now: the form starts from them. */
  initial: TicketEdit;
  busy: boolean;
  /** The last attempt's failure: field errors go to their fields, the rest (a 409's reason) to the alert. */
  error: unknown;
  onSubmit: (edit: TicketEdit) => void;
  onCancel: () => void;
}

/** A new ticket's subject and description, changed by the contact who raised it. */
export function TicketEditForm({ initial, busy, error, onSubmit, onCancel }: Props) {
  const t = m.tickets.detail.edit;
  const [value, setValue] = useState<TicketEdit>(initial);
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const server = useFieldErrors(error);
  const errors: Partial<Record<string, string>> = { ...server, ...missing };
  const labels: Record<Field, string> = { subject: t.subject, description: t.description };
  const form = useRef<HTMLFormElement>(null);
  // The form takes the place of the text it changes: the keyboard goes on where the reading was.
  useEffect(() => form.current?.querySelector<HTMLElement>('[name="subject"]')?.focus(), []);

  const set = (field: Field, v: string) => {
    setValue((old) => ({ ...old, [field]: v }));
    setMissing((old) => {
      const next = { ...old };
      delete next[field];
      return next;
    });
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const empty = missingText(value, t.required);
    setMissing(empty);
    const first = Object.keys(empty)[0];
    if (first) {
      e.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    onSubmit(value);
  };

  return (
    <form ref={form} noValidate onSubmit={submit} aria-labelledby="edit-ticket">
      <h2 id="edit-ticket">{t.title}</h2>
      {Object.keys(missing).length > 0 ? (
        <div className="alert alert-error" role="alert">
          <p>{m.common.errors.validation}</p>
        </div>
      ) : (
        <ErrorAlert error={error} fieldLabels={labels} onRetry={() => onSubmit(value)} />
      )}
      <TicketTextFields value={value} labels={labels} errors={errors} onChange={set} />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t.save}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}
