import { useId } from 'react';
import { formatDate } from '../../../lib/format';
import { m } from '../../../messages';
import type { DefectStatus, DefectView } from '../api';
import { SeverityBadge } from './SeverityBadge';
import styles from './DefectTable.module.css';

interface Props {
  defects: DefectView[];
  status: DefectStatus;
  page: number;
}

/** A site's published defects, newest first: severity in words and colour, description, raised and resolved. */
export function DefectTable({ defects, status, page }: Props) {
  const t = m.sites.defects;
  const captionId = useId();
  if (defects.length === 0) return <p className="empty">{status === 'open' ? t.emptyOpen : t.emptyResolved}</p>;
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className="visually-hidden">
          {t.caption(status, page)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.severity}</th>
            <th scope="col">{t.columns.description}</th>
            <th scope="col">{t.columns.raised}</th>
            <th scope="col">{t.columns.resolved}</th>
          </tr>
        </thead>
        <tbody>
          {defects.map((d) => (
            <tr key={d.id}>
              <td>
                <SeverityBadge severity={d.severity} />
              </td>
              <td className={styles.description}>{d.description}</td>
              <td>
                <time dateTime={d.raised_at}>{formatDate(d.raised_at)}</time>
              </td>
              <td>
                {d.resolved_at ? (
                  <time dateTime={d.resolved_at}>{formatDate(d.resolved_at)}</time>
                ) : (
                  <span className="muted">{t.notResolved}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
