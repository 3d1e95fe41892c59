import { useId } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import type { QuoteFilter, QuoteView } from '../api';
import { formatMoney } from '../money';
import styles from './BillingTable.module.css';
import { SiteName } from './SiteName';
import { QuoteStatusBadge } from './StatusBadges';

interface Props {
  quotes: QuoteView[];
  filter: QuoteFilter;
  /** 1-based page number, said in the caption. */
  page: number;
  /** Leave out the property column (on a property's own page). */
  hideSite?: boolean;
}

/** Quotes in one state: number (to the quote's page), title, property, valid until or decided, total, status. */
export function QuoteTable({ quotes, filter, page, hideSite = false }: Props) {
  const t = m.billing.quotes;
  const captionId = useId();
  if (quotes.length === 0) return <p className="empty">{t.empty[filter]}</p>;
  const decided = filter !== 'sent';
  return (
    // Focusable so that a keyboard can scroll it sideways on a narrow screen.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className="visually-hidden">
          {t.caption(filter, page)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.number}</th>
            <th scope="col">{t.columns.title}</th>
            {hideSite ? null : <th scope="col">{t.columns.site}</th>}
            <th scope="col">{decided ? t.columns.decided : t.columns.validUntil}</th>
            <th scope="col" className={styles.money}>
              {t.columns.total}
            </th>
            <th scope="col">{t.columns.status}</th>
          </tr>
        </thead>
        <tbody>
          {quotes.map((q) => (
            <tr key={q.id}>
              <th scope="row" className={styles.rowHead}>
                <Link to={paths.quote(q.id)}>{q.number}</Link>
              </th>
              <td>{q.title}</td>
              {hideSite ? null : (
                <td>
                  <SiteName siteId={q.site_id} />
                </td>
              )}
              <td className={styles.date}>{decided ? formatDate(q.decision?.at) || m.common.none : formatDate(q.valid_until)}</td>
              <td className={styles.money}>{formatMoney(q.total, q.currency)}</td>
              <td>
                <QuoteStatusBadge status={q.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
