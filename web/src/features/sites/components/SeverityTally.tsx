import { formatNumber } from '../../../lib/format';
import type { Severity } from '../api';
import { countsBySeverity } from '../severity';
import { SeverityBadge } from './SeverityBadge';
import styles from './SeverityTally.module.css';

interface Props {
  /** The API's open defects by severity. */
  counts: Record<string, number> | undefined;
  /** Names the list for assistive technology. */
  label: string;
}

/** Open defects by severity, worst first, every severity shown: its badge (words and colour) and count. */
export function SeverityTally({ counts, label }: Props) {
  return (
    <ul className={styles.tally} aria-label={label}>
      {countsBySeverity(counts).map(({ severity, count }: { severity: Severity; count: number }) => (
        <li key={severity} className={styles.item} data-severity={severity}>
          <span className={styles.count}>{formatNumber(count)}</span>
          <SeverityBadge severity={severity} />
        </li>
      ))}
    </ul>
  );
}
