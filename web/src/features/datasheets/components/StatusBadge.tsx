import { m } from '../../../messages';
import type { Sheet } from '../api';
import styles from './StatusBadge.module.css';

/** A sheet's status in words (the colour only repeats it). */
export function StatusBadge({ status }: { status: Sheet['status'] }) {
  return <span className={`badge ${styles[status] ?? ''}`}>{m.datasheets.status[status]}</span>;
}
