import { m } from '../messages';
import { isRetryable, problemMessage, ApiProblem } from '../lib/problem';
import { Button } from './Button';

interface Props {
  error: unknown;
  /** Offered when trying again may help (network failure, 5xx, 429). */
  onRetry?: (() => void) | undefined;
  /** Labels for field names, to list the fields that need attention. */
  fieldLabels?: Record<string, string>;
}

/** An error said in words, announced to screen readers, with a retry where it makes sense. */
export function ErrorAlert({ error, onRetry, fieldLabels }: Props) {
  if (!error) return null;
  const fields = error instanceof ApiProblem ? error.errors : [];
  return (
    <div className="alert alert-error" role="alert">
      <p>{problemMessage(error)}</p>
      {fields.length > 0 && fieldLabels ? (
        <ul>
          {fields.map((f) => (
            <li key={f.field}>
              {fieldLabels[f.field] ?? f.field}: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      {onRetry && isRetryable(error) ? (
        <Button variant="secondary" onClick={onRetry}>
          {m.common.retry}
        </Button>
      ) : null}
    </div>
  );
}
