import { formatDate, formatMonthLong } from '../../../lib/format';
import { m } from '../../../messages';
import type { ActivityReport } from '../api';
import styles from './Reports.module.css';

/**
 * Whose report it is (the company's, or the whole group's: the API names it "… (group)"), for which month,
 * and how its months and figures are counted.
 */
export function ReportHeader({ report, group = false }: { report: ActivityReport; group?: boolean }) {
  const t = m.reports.header;
  return (
    <div className={styles.header}>
      <p className={styles.customer}>{t.customerMonth(report.customer_name, formatMonthLong(report.month))}</p>
      {group ? <p>{t.wholeGroup}</p> : null}
      <p className="muted">{t.basis(report.time_zone, formatDate(report.as_of))}</p>
    </div>
  );
}
