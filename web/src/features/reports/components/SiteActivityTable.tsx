import { useId } from 'react';
import { DataTable } from '../../../components/DataTable';
import { formatMonthLong, formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import type { ActivityReport } from '../api';
import styles from './Reports.module.css';

/** The month per property: a row for each property with activity, the columns the API names; and how many had none. */
export function SiteActivityTable({ report }: { report: ActivityReport }) {
  const t = m.reports.sites;
  const headingId = useId();
  return (
    <section className={`card ${styles.section}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      {report.sites.length === 0 ? (
        <p className="empty">{t.none}</p>
      ) : (
        <DataTable
          caption={t.caption(formatMonthLong(report.month))}
          captionShown
          columns={[t.property, ...report.site_columns.map((c) => ({ label: c.label, className: styles.number }))]}
        >
          {report.sites.map((s) => (
            <tr key={s.site_id}>
              <th scope="row">{s.name}</th>
              {report.site_columns.map((c, i) => (
                <td key={c.key} className={styles.number}>
                  {formatNumber(s.values[i] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      )}
      {report.sites.length > 0 || report.quiet_sites > 0 ? <p className={`muted ${styles.note}`}>{t.quiet(report.quiet_sites)}</p> : null}
    </section>
  );
}
