import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiProblem } from '../../../lib/problem';
import { m } from '../../../messages';

/**
 * A sign-in failure. A 401 never says which of username, password or code was wrong; everything else
 * (429 with its retry time, network, 5xx with a retry) is said as everywhere else.
 */
export function AuthError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  if (error instanceof ApiProblem && error.status === 401) {
    return (
      <div className="alert alert-error" role="alert">
        <p>{m.auth.signIn.refused}</p>
      </div>
    );
  }
  return <ErrorAlert error={error} onRetry={onRetry} />;
}
