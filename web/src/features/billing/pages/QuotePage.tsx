import { useEffect, useId, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { formatDate, formatDateTime } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { ApiProblem, problemMessage } from '../../../lib/problem';
import { m } from '../../../messages';
import { useMe } from '../../customers';
import { useAuthoriseQuote, useDeclineQuote, useQuote, type QuoteView } from '../api';
import { DecisionFacts } from '../components/DecisionFacts';
import { DecisionForm } from '../components/DecisionForm';
import { QuoteLines } from '../components/QuoteLines';
import { SiteName } from '../components/SiteName';
import { QuoteStatusBadge } from '../components/StatusBadges';
import styles from './QuotePage.module.css';

const back = (
  <p>
    <Link to={paths.quotes}>{m.billing.quote.backToList}</Link>
  </p>
);

/** A quote: what it is for, its lines and totals, and its decision, or the forms to make one. */
export default function QuotePage() {
  const { id = '' } = useParams();
  const quote = useQuote(id);
  const t = m.billing.quote;

  if (quote.isError && quote.error instanceof ApiProblem && quote.error.status === 404) {
    return (
      <Page title={t.notFoundTitle}>
        <p>{t.notFoundBody}</p>
        {back}
      </Page>
    );
  }
  if (!quote.data) {
    return (
      <Page title={t.loadingTitle}>
        {quote.isError ? <ErrorAlert error={quote.error} onRetry={() => void quote.refetch()} /> : <Loading />}
        {back}
      </Page>
    );
  }
  return (
    <Page title={t.title(quote.data.number, quote.data.title)}>
      <QuoteDetails quote={quote.data} />
      <Decision quote={quote.data} onConflict={() => void quote.refetch()} />
      {back}
    </Page>
  );
}

function QuoteDetails({ quote }: { quote: QuoteView }) {
  const t = m.billing.quote;
  const detailsId = useId();
  const linesId = useId();
  return (
    <>
      <section className={`card ${styles.section}`} aria-labelledby={detailsId}>
        <h2 id={detailsId}>{t.details}</h2>
        <dl className="facts">
          <dt>{t.number}</dt>
          <dd>{quote.number}</dd>
          <dt>{t.site}</dt>
          <dd>
            <SiteName siteId={quote.site_id} />
          </dd>
          <dt>{t.status}</dt>
          <dd>
            <QuoteStatusBadge status={quote.status} />
          </dd>
          <dt>{t.kind}</dt>
          <dd>
            {m.billing.kind[quote.kind]}
            {quote.kind === 'defect' && quote.defect_ids.length > 0 ? ` (${t.defectCount(quote.defect_ids.length)})` : ''}
          </dd>
          {quote.sent_at ? (
            <>
              <dt>{t.sentOn}</dt>
              <dd>{formatDateTime(quote.sent_at)}</dd>
            </>
          ) : null}
          <dt>{t.validUntil}</dt>
          <dd>{formatDate(quote.valid_until)}</dd>
          {quote.description ? (
            <>
              <dt>{t.description}</dt>
              <dd className={styles.description}>{quote.description}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className={styles.section} aria-labelledby={linesId}>
        <h2 id={linesId}>{t.lines}</h2>
        <QuoteLines quote={quote} />
      </section>
    </>
  );
}

/** The decision made, or (for someone who may) the forms to make it; otherwise who must. */
function Decision({ quote, onConflict }: { quote: QuoteView; onConflict: () => void }) {
  const t = m.billing.quote;
  const d = m.billing.decide;
  const headingId = useId();
  const me = useMe();
  const authorise = useAuthoriseQuote(quote.id);
  const decline = useDeclineQuote(quote.id);
  const doneRef = useRef<HTMLDivElement>(null);
  const done = authorise.isSuccess ? d.authorised(quote.number) : decline.isSuccess ? d.declined(quote.number) : null;
  const conflict = [authorise.error, decline.error].find((e) => e instanceof ApiProblem && e.status === 409);

  // After a decision the forms are gone: the keyboard lands on what happened, which is also read out.
  useEffect(() => {
    if (done || conflict) doneRef.current?.focus();
  }, [done, conflict]);

  const name = me.data ? `${me.data.contact.first_name} ${me.data.contact.last_name}`.trim() : '';
  const busy = authorise.isPending || decline.isPending;

  let body;
  if (quote.decision) {
    body = <DecisionFacts quote={quote} />;
  } else if (quote.status === 'expired') {
    body = <p>{t.expired(formatDate(quote.valid_until))}</p>;
  } else if (quote.can_decide) {
    body = (
      <>
        <p>{d.intro}</p>
        <div className={styles.pair}>
          <DecisionForm
            mode="authorise"
            quote={quote}
            defaultName={name}
            busy={busy}
            error={authorise.error}
            onDecide={async (b) => {
              decline.reset();
              await authorise.mutateAsync(b).catch((e: unknown) => {
                if (e instanceof ApiProblem && e.status === 409) onConflict();
                throw e;
              });
            }}
          />
          <DecisionForm
            mode="decline"
            quote={quote}
            defaultName={name}
            busy={busy}
            error={decline.error}
            onDecide={async (b) => {
              authorise.reset();
              await decline.mutateAsync({ name: b.name, note: b.note ?? null }).catch((e: unknown) => {
                if (e instanceof ApiProblem && e.status === 409) onConflict();
                throw e;
              });
            }}
          />
        </div>
      </>
    );
  } else if (quote.status === 'sent') {
    body = (
      <div className="alert alert-info">
        <p>{t.noAuthority}</p>
      </div>
    );
  } else {
    body = null;
  }

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId}>{quote.decision ? t.decision : d.title}</h2>
      <div ref={doneRef} tabIndex={-1}>
        <div role="status">
          {done ? (
            <div className="alert alert-ok">
              <p>{done}</p>
            </div>
          ) : null}
        </div>
        <div role="alert">
          {conflict ? (
            <div className="alert alert-error">
              <p>{problemMessage(conflict)}</p>
            </div>
          ) : null}
        </div>
      </div>
      {body}
    </section>
  );
}
