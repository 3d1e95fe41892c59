import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useFieldErrors } from '../lib/useFieldErrors';
import { Button } from './Button';
import { ErrorAlert } from './ErrorAlert';
import { TextAreaField } from './Field';

/** What a form for a written message says: its box, the button, and what it says once it is added. */
export interface PostTexts {
  label: string;
  hint: string;
  /** Said at the box when it is sent empty. */
  required: string;
  button: string;
  added: string;
}

interface Props {
  /** The form's heading: "Add a note", "Add a comment". */
  title: string;
  /** The heading's level where the form stands. */
  level?: 2 | 3;
  texts: PostTexts;
  rows?: number;
  busy: boolean;
  /** The last refusal, said above the box. */
  error: unknown;
  /** Said instead of the error, when the caller has better words for it. */
  refusal?: ReactNode;
  /** Resolves once the message is added: the box empties then, and only then. */
  onSubmit: (body: string) => Promise<unknown>;
}

/** A written message (a ticket's note, a project's comment): a box, a button, and what became of it. */
export function PostForm({ title, level = 2, texts: t, rows = 5, busy, error, refusal, onSubmit }: Props) {
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const [added, setAdded] = useState(false);
  const fields = useFieldErrors(error);

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
    <form noValidate onSubmit={submit} aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      {refusal ?? <ErrorAlert error={error} onRetry={() => void send(body)} />}
      <TextAreaField
        label={t.label}
        name="body"
        required
        rows={rows}
        hint={t.hint}
        value={body}
        error={missing ? t.required : fields.body}
        onChange={(e) => {
          setBody(e.target.value);
          setMissing(false);
        }}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t.button}
        </Button>
      </div>
      <p className="visually-hidden" role="status">
        {added ? t.added : ''}
      </p>
    </form>
  );
}
