import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { CheckboxField, SelectField } from '../../../components/Field';
import { useFieldErrors } from '../../../lib/useFieldErrors';
import { m } from '../../../messages';
import { PRIORITIES, TICKET_TYPES, type NewPortalTicket, type Priority, type TicketType } from '../api';
import { missingText, TicketTextFields, type TicketTextField } from './TicketTextFields';

interface Props {
  busy: boolean;
  /** The last attempt's failure: field errors go to their fields, the rest to the summary. */
  error: unknown;
  onSubmit: (ticket: NewPortalTicket) => void;
  onCancel: () => void;
}

export const EMPTY_TICKET: NewPortalTicket = { subject: '', description: '', type: 'question', priority: 'normal', confidential: false };

/** Subject, description, type, priority and whether colleagues may see it. What was typed stays after a failure, for a retry. */
export function TicketForm({ busy, error, onSubmit, onCancel }: Props) {
  const t = m.tickets.create;
  const [value, setValue] = useState<NewPortalTicket>(EMPTY_TICKET);
  const [missing, setMissing] = useState<Partial<Record<TicketTextField, string>>>({});
  const server = useFieldErrors(error);
  const errors: Record<string, string | undefined> = { ...server, ...missing };
  const set = <K extends keyof NewPortalTicket>(key: K, v: NewPortalTicket[K]) => {
    setValue((old) => ({ ...old, [key]: v }));
    const field: string = key;
    if (field === 'subject' || field === 'description') {
      setMissing((old) => {
        const next = { ...old };
        delete next[field];
        return next;
      });
    }
  };

  const submit = (e: FormEvent) => {
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

  const labels = { subject: t.subject, description: t.description, type: t.type, priority: t.priority, confidential: t.confidential };
  const localProblem = Object.keys(missing).length > 0;

  return (
    <form className="card" noValidate onSubmit={submit}>
      {localProblem ? (
        <div className="alert alert-error" role="alert">
          <p>{m.common.errors.validation}</p>
          <ul>
            {Object.entries(missing).map(([field, message]) => (
              <li key={field}>
                {labels[field as keyof typeof labels]}: {message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorAlert error={error} fieldLabels={labels} onRetry={() => onSubmit(value)} />
      )}
      <TicketTextFields
        value={value}
        labels={labels}
        errors={errors}
        descriptionHint={t.descriptionHint}
        onChange={set}
      />
      <div className="grid">
        <SelectField
          label={t.type}
          name="type"
          value={value.type}
          error={errors.type}
          options={TICKET_TYPES.map((v) => ({ value: v, label: m.tickets.type[v] }))}
          onChange={(e) => set('type', e.target.value as TicketType)}
        />
        <SelectField
          label={t.priority}
          name="priority"
          value={value.priority}
          error={errors.priority}
          options={PRIORITIES.map((v) => ({ value: v, label: m.tickets.priority[v] }))}
          onChange={(e) => set('priority', e.target.value as Priority)}
        />
      </div>
      <CheckboxField
        label={t.confidential}
        name="confidential"
        hint={t.confidentialHint}
        checked={value.confidential ?? false}
        error={errors.confidential}
        onChange={(e) => set('confidential', e.target.checked)}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t.submit}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}
