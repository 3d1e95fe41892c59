import { useId } from 'react';
import { Link } from 'react-router';
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
}

/** The properties by name: address, how many open defects need attention, the worst open one. */
export function SiteTable({ sites, page }: Props) {
  const t = m.sites.list;
  const captionId = useId();
  if (sites.length === 0) return <p className="empty">{t.empty}</p>;
  return (
    // Focusable so that a keyboard can scroll it sideways on a narrow screen.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className="visually-hidden">
          {t.caption(page)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.name}</th>
            <th scope="col">{t.columns.address}</th>
            <th scope="col" className={styles.number}>
              {t.columns.attention}
            </th>
            <th scope="col">{t.columns.worst}</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((site) => (
            <tr key={site.id}>
              <th scope="row" className={styles.rowHead}>
                <Link to={paths.site(site.id)}>{site.name}</Link>
              </th>
              <td>{addressLines(site.address).join(', ') || <span className="muted">{m.common.none}</span>}</td>
              <td className={styles.number}>{formatNumber(site.attention.open_defects)}</td>
              <td>
                <SeverityBadge severity={site.attention.worst_severity} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
