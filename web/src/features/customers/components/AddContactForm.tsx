import { useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TextField } from '../../../components/Field';
import { focusFirstInvalid } from '../../../lib/focusInvalid';
import { fieldErrors } from '../../../lib/problem';
import { m } from '../../../messages';
import type { ContactInput, PortalContact } from '../api';

type Fields = 'first_name' | 'last_name' | 'title' | 'email' | 'phone' | 'mobile';
const EMPTY: Record<Fields, string> = { first_name: '', last_name: '', title: '', email: '', phone: '', mobile: '' };

interface Props {
  busy: boolean;
  error: unknown;
  /** Sends the colleague; resolves with them once added (the form is cleared then), rejects otherwise. */
  onAdd: (input: ContactInput) => Promise<PortalContact>;
}

/** A new colleague: names required, the rest optional. Nothing typed is lost when adding fails. */
export function AddContactForm({ busy, error, onAdd }: Props) {
  const t = m.customers.contacts.add;
  const [values, setValues] = useState(EMPTY);
  const [missing, setMissing] = useState<Partial<Record<Fields, string>>>({});
  const [added, setAdded] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const labels: Record<Fields, string> = {
    first_name: t.firstName,
    last_name: t.lastName,
    title: t.jobTitle,
    email: t.email,
    phone: t.phone,
    mobile: t.mobile,
  };
  const server = fieldErrors(error);
  const errorOf = (f: Fields) => missing[f] ?? (server[f] ? m.customers.fieldError(labels[f], server[f]) : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    const found: Partial<Record<Fields, string>> = {};
    for (const f of ['first_name', 'last_name'] as const) {
      if (!values[f].trim()) found[f] = m.customers.required(labels[f]);
    }
    setMissing(found);
    if (Object.keys(found).length) {
      focusFirstInvalid(e.currentTarget);
      return;
    }
    const opt = (v: string) => (v.trim() ? v.trim() : null);
    onAdd({
      first_name: values.first_name.trim(),
      last_name: values.last_name.trim(),
      title: opt(values.title),
      email: opt(values.email),
      phone: opt(values.phone),
      mobile: opt(values.mobile),
    }).then(
      (c) => {
        setValues(EMPTY);
        setAdded(`${c.first_name} ${c.last_name}`);
      },
      () => {},
    );
  };

  const field = (f: Fields, extra: { type?: string; autoComplete?: string; required?: boolean; inputMode?: 'tel' | 'email' }) => (
    <TextField
      label={labels[f]}
      name={f}
      value={values[f]}
      onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
      error={errorOf(f)}
      {...extra}
    />
  );

  return (
    <section className="card" aria-labelledby="add-contact">
      <h2 id="add-contact">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <div role="status">
        {added ? (
          <div className="alert alert-ok">
            <p>{t.added(added)}</p>
          </div>
        ) : null}
      </div>
      <form ref={form} onSubmit={submit} noValidate>
        <ErrorAlert error={error} onRetry={() => form.current?.requestSubmit()} fieldLabels={labels} />
        <div className="grid">
          {field('first_name', { autoComplete: 'off', required: true })}
          {field('last_name', { autoComplete: 'off', required: true })}
          {field('title', { autoComplete: 'off' })}
          {field('email', { type: 'email', autoComplete: 'off' })}
          {field('phone', { type: 'tel', autoComplete: 'off' })}
          {field('mobile', { type: 'tel', autoComplete: 'off' })}
        </div>
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t.submit}
          </Button>
        </div>
      </form>
    </section>
  );
}
