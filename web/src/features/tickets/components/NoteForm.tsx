import { PostForm } from '../../../components/PostForm';
import { ApiProblem } from '../../../lib/problem';
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
  const closed = error instanceof ApiProblem && error.status === 409;
  return (
    <PostForm
      title={t.addNote}
      texts={{ label: t.note, hint: t.noteHint, required: t.noteRequired, button: t.addNoteButton, added: t.noteAdded }}
      busy={busy}
      error={error}
      refusal={
        closed ? (
          <div className="alert alert-error" role="alert">
            <p>{t.closedNoNotes}</p>
          </div>
        ) : null
      }
      onSubmit={onSubmit}
    />
  );
}
