import { formatDateTime } from '../../../lib/format';
import { m } from '../../../messages';
import type { QuoteView } from '../api';
import styles from './DecisionFacts.module.css';

/** Who authorised or declined a quote, when, with their order number and note. */
export function DecisionFacts({ quote }: { quote: QuoteView }) {
  const t = m.billing.quote;
  const d = quote.decision;
  if (!d) return null;
  return (
    <dl className="facts">
      <dt>{quote.status === 'declined' ? t.declinedBy : t.authorisedBy}</dt>
      <dd>{d.name}</dd>
      <dt>{t.decidedOn}</dt>
      <dd>{formatDateTime(d.at)}</dd>
      {quote.status === 'authorised' ? (
        <>
          <dt>{t.orderNumber}</dt>
          <dd>{d.order_number ? d.order_number : <span className="muted">{t.noOrderNumber}</span>}</dd>
        </>
      ) : null}
      {d.note ? (
        <>
          <dt>{t.note}</dt>
          <dd className={styles.note}>{d.note}</dd>
        </>
      ) : null}
    </dl>
  );
}
