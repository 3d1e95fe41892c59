import type { Severity } from '../api';
import { levelOf, severityLabel } from '../severity';
import styles from './SeverityBadge.module.css';

interface Props {
  /** The severity; absent or null says there is nothing open. */
  severity: Severity | null | undefined;
}

/**
 * A severity as a badge: a mark in the severity's colour and, always, its name in words. The colour only
 * helps scanning; the words carry the meaning.
 */
export function SeverityBadge({ severity }: Props) {
  const level = levelOf(severity);
  return (
    <span className={`badge ${styles.badge} ${styles[level] ?? ''}`} data-severity={level}>
      <span className={styles.mark} aria-hidden="true" />
      <span>{severityLabel(level)}</span>
    </span>
  );
}
