import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TextAreaField } from '../../../components/Field';
import { ApiProblem } from '../../../lib/problem';
import { useFieldErrors } from '../../../lib/useFieldErrors';
import { m } from '../../../messages';

interface Props {
  busy: boolean;
  error: unknown;
  /** Resolves once the note is added: the box empties then, and only then. */
  onSubmit: (body: string) => Promise<unknown>;
}

/** "Add a note": a note the contact writes joins the conversation. */
export function NoteForm({ busy, error, onSubmit }: Props) {
  const t = m.tickets.detail;
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const [added, setAdded] = useState(false);
  const fields = useFieldErrors(error);
  const closed = error instanceof ApiProblem && error.status === 409;

  const send = async (text: string) => {
    setAdded(false);
    try {
      await onSubmit(text);
      setBody('');
      setAdded(true);
    } catch {
      // Shown from `error`; what was typed stays.
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setMissing(true);
      return;
    }
    void send(body);
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="add-note">
      <h2 id="add-note">{t.addNote}</h2>
      {closed ? (
        <div className="alert alert-error" role="alert">
          <p>{t.closedNoNotes}</p>
        </div>
      ) : (
        <ErrorAlert error={error} onRetry={() => void send(body)} />
      )}
      <TextAreaField
        label={t.note}
        name="body"
        required
        hint={t.noteHint}
        value={body}
        error={missing ? t.noteRequired : fields.body}
        onChange={(e) => {
          setBody(e.target.value);
          setMissing(false);
        }}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t.addNoteButton}
        </Button>
      </div>
      <p className="visually-hidden" role="status">
        {added ? t.noteAdded : ''}
      </p>
    </form>
  );
}
