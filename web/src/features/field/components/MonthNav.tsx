import { Link } from 'react-router';
import { formatMonth } from '../../../lib/format';
import { m } from '../../../messages';
import { shiftMonth } from '../field';
import styles from './MonthNav.module.css';

/** Links to the months either side of `month`'s list, built by `to`. */
export function MonthNav({ month, to }: { month: string; to: (month: string) => string }) {
  const t = m.field.lists;
  const before = shiftMonth(month, -1);
  const after = shiftMonth(month, 1);
  return (
    <nav className={styles.nav} aria-label={t.monthNav}>
      <Link to={to(before)}>{t.previousMonth(formatMonth(before))}</Link>
      <Link to={to(after)}>{t.nextMonth(formatMonth(after))}</Link>
    </nav>
  );
}
