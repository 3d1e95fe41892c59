import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { None } from '../../../components/Day';
import { addressLines } from '../../customers';
import { formatNumber } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import type { SiteView } from '../api';
import { SeverityBadge } from './SeverityBadge';
import styles from './SiteTable.module.css';

interface Props {
  sites: SiteView[];
  /** 1-based page number, said in the table's caption. */
  page: number;
  /** Columns of the billing modules the company has on: quotes awaiting, overdue invoices. */
  quotesOn?: boolean;
  invoicesOn?: boolean;
}

/** A figure that opens the list behind it (the site page's section); none to open, it is only a figure. */
function Figure({ count, to, label }: { count: number; to: string; label: string }) {
  if (count === 0) return <>{formatNumber(0)}</>;
  return (
    <Link to={to} aria-label={label}>
      {formatNumber(count)}
    </Link>
  );
}

/**
 * The properties by name: address, how many open defects need attention, the worst open one, and (with
 * those modules) the quotes awaiting a decision and the overdue invoices, each figure a link to its list.
 */
export function SiteTable({ sites, page, quotesOn = false, invoicesOn = false }: Props) {
  const b = m.billing.attention;
  const t = m.sites.list;
  if (sites.length === 0) return <p className="empty">{t.empty}</p>;
  return (
    <DataTable
      caption={t.caption(page)}
      className={styles.table}
      columns={[
        t.columns.name,
        t.columns.address,
        { label: t.columns.attention, className: styles.number },
        t.columns.worst,
        quotesOn && { label: b.quotesAwaiting, className: styles.number },
        invoicesOn && { label: b.overdueInvoices, className: styles.number },
      ]}
    >
      {sites.map((site) => (
        <tr key={site.id}>
          <th scope="row" className={styles.rowHead}>
            <Link to={paths.site(site.id)}>{site.name}</Link>
          </th>
          <td>{addressLines(site.address).join(', ') || <None />}</td>
          <td className={styles.number}>{formatNumber(site.attention.open_defects)}</td>
          <td>
            <SeverityBadge severity={site.attention.worst_severity} />
          </td>
          {quotesOn ? (
            <td className={styles.number}>
              <Figure
                count={site.attention.quotes_awaiting}
                to={paths.siteSection(site.id, 'quotes')}
                label={b.quotesLink(site.attention.quotes_awaiting, site.name)}
              />
            </td>
          ) : null}
          {invoicesOn ? (
            <td className={styles.number}>
              <Figure
                count={site.attention.overdue_invoices}
                to={paths.siteSection(site.id, 'invoices')}
                label={b.overdueLink(site.attention.overdue_invoices, site.name)}
              />
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
