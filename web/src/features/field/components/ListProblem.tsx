import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiProblem } from '../../../lib/problem';
import { m } from '../../../messages';

/** A list's failure: a month the API refuses is said plainly; anything else as usual, with a retry. */
export function ListProblem({ error, onRetry }: { error: Error; onRetry: () => void }) {
  if (error instanceof ApiProblem && error.status === 400 && error.errors[0]?.field === 'month') {
    return (
      <div className="alert alert-error" role="alert">
        <p>{m.field.lists.badMonth}</p>
      </div>
    );
  }
  return <ErrorAlert error={error} onRetry={onRetry} />;
}
