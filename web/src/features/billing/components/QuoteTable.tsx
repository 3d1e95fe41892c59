import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { formatDate } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { formatMoney } from '../../../lib/money';
import { m } from '../../../messages';
import type { QuoteFilter, QuoteView } from '../api';
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
  if (quotes.length === 0) return <p className="empty">{t.empty[filter]}</p>;
  const decided = filter !== 'sent';
  return (
    <DataTable
      caption={t.caption(filter, page)}
      className={styles.table}
      columns={[
        t.columns.number,
        t.columns.title,
        !hideSite && t.columns.site,
        decided ? t.columns.decided : t.columns.validUntil,
        { label: t.columns.total, className: styles.money },
        t.columns.status,
      ]}
    >
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
    </DataTable>
  );
}
