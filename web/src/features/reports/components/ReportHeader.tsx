import { formatDate, formatMonthLong } from '../../../lib/format';
import { m } from '../../../messages';
import type { ActivityReport } from '../api';
import styles from './Reports.module.css';

/** Whose report it is, for which month, and how its months and figures are counted. */
export function ReportHeader({ report }: { report: ActivityReport }) {
  const t = m.reports.header;
  return (
    <div className={styles.header}>
      <p className={styles.customer}>{t.customerMonth(report.customer_name, formatMonthLong(report.month))}</p>
      <p className="muted">{t.basis(report.time_zone, formatDate(report.as_of))}</p>
    </div>
  );
}
