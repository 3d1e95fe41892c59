import { useId, useState } from 'react';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatDate } from '../../../lib/format';
import { fieldErrors } from '../../../lib/problem';
import { m } from '../../../messages';
import { useReportSubscription, useSetReportSubscription, type ReportSubscription } from '../api';
import styles from './Reports.module.css';

/** The API's reason for refusing a subscription (a 422 naming `subscribed`: no email address), in a sentence. */
function refusal(error: unknown): string | undefined {
  const reason = fieldErrors(error).subscribed;
  return reason ? m.reports.mail.refused(reason) : undefined;
}

/** Where the report goes and since when, or that it is not sent; the button that changes it. */
function SubscriptionState({ subscription }: { subscription: ReportSubscription }) {
  const t = m.reports.mail;
  const change = useSetReportSubscription();
  // What was done last, announced: subscribed or unsubscribed.
  const [said, setSaid] = useState('');
  const { subscribed, since, email } = subscription;
  const toggle = () => {
    setSaid('');
    change.mutate(!subscribed, {
      onSuccess: (now) => setSaid(now.subscribed ? t.nowSubscribed(now.email ?? '') : t.nowUnsubscribed),
    });
  };
  const refused = refusal(change.error);

  if (!email) return <p className="muted">{t.noEmail}</p>;
  return (
    <>
      <div className={styles.mail}>
        <p>
          {subscribed ? t.subscribed(email) : t.notSubscribed(email)}
          {subscribed && since ? <span className="muted"> {t.since(formatDate(since))}</span> : null}
        </p>
        <Button variant="secondary" busy={change.isPending} onClick={toggle}>
          {subscribed ? (change.isPending ? t.unsubscribing : t.unsubscribe) : change.isPending ? t.subscribing : t.subscribe}
        </Button>
      </div>
      {refused ? (
        <div className="alert alert-error" role="alert">
          <p>{refused}</p>
        </div>
      ) : (
        <ErrorAlert error={change.error} onRetry={toggle} />
      )}
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </>
  );
}

/**
 * "Monthly email": whether the contact receives the company's activity report by email on the 1st of each
 * month for the month before, at which address, and a button to subscribe or unsubscribe. Only in the
 * contact's own portal (the API refuses the change while another company is in view).
 */
export function MonthlyEmailPanel() {
  const t = m.reports.mail;
  const headingId = useId();
  const subscription = useReportSubscription();
  return (
    <section className={`card ${styles.section}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      {subscription.isPending ? (
        <Loading label={t.loading} />
      ) : subscription.isError ? (
        <ErrorAlert error={subscription.error} onRetry={() => void subscription.refetch()} />
      ) : (
        <SubscriptionState subscription={subscription.data} />
      )}
    </section>
  );
}
