import { m } from '../../../messages';
import styles from './ConfidentialBadge.module.css';

/** "Confidential" with a lock drawn beside it: the words are the signal, the lock and colour only help. */
export function ConfidentialBadge() {
  return (
    <span className={`badge ${styles.badge}`}>
      <svg className={styles.lock} viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z" fill="currentColor" />
      </svg>
      {m.tickets.confidential}
    </span>
  );
}
