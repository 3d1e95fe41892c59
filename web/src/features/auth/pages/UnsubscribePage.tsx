import { Link } from 'react-router';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { paths } from '../../../lib/paths';
import { ApiProblem } from '../../../lib/problem';
import { m } from '../../../messages';
import { useUnsubscribe, type Unsubscribed } from '../api';
import { AuthLayout } from '../components/AuthLayout';
import { BadLink, signInLink } from '../components/BadLink';
import { useTokenFromPath } from '../components/useTokenFromPath';

/** Which emails stopped, and where to turn them back on. */
function Done({ topic }: { topic: Unsubscribed['topic'] }) {
  const t = m.auth.unsubscribe;
  const tickets = topic === 'tickets';
  return (
    <>
      <div className="alert alert-ok" role="status">
        <p>{t.done[topic]}</p>
      </div>
      <p>{tickets ? t.ticketsBack : t.reportsBack}</p>
      <p>
        <Link to={tickets ? paths.account : paths.reports}>{tickets ? t.toAccount : t.toReports}</Link>
      </p>
    </>
  );
}

/**
 * An email's "unsubscribe" link: says what will happen and unsubscribes only when the button is pressed
 * (link scanners open links, so nothing is posted on load). Works signed out.
 */
export default function UnsubscribePage() {
  const token = useTokenFromPath(paths.unsubscribe);
  const unsubscribe = useUnsubscribe();
  const t = m.auth.unsubscribe;
  const links = [signInLink(t.toSignIn)];

  if (!token) {
    return (
      <AuthLayout title={t.title}>
        <BadLink text={t.noToken} links={links} />
      </AuthLayout>
    );
  }
  // Unknown, used or expired: the API answers all three alike.
  if (unsubscribe.error instanceof ApiProblem && unsubscribe.error.status === 404) {
    return (
      <AuthLayout title={t.title}>
        <BadLink text={t.badLink} links={links} />
      </AuthLayout>
    );
  }
  if (unsubscribe.isSuccess) {
    return (
      <AuthLayout title={t.title}>
        <Done topic={unsubscribe.data.topic} />
      </AuthLayout>
    );
  }
  const submit = () => unsubscribe.mutate(token);
  return (
    <AuthLayout title={t.title}>
      <p>{t.intro}</p>
      <ErrorAlert error={unsubscribe.error} onRetry={submit} />
      <div className="form-actions">
        <Button busy={unsubscribe.isPending} onClick={submit}>
          {t.submit}
        </Button>
      </div>
    </AuthLayout>
  );
}
