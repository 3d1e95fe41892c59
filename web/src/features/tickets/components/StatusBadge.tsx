import { m } from '../../../messages';
import type { TicketStatus } from '../api';
import styles from './StatusBadge.module.css';

/** A ticket's status as a coloured badge that always says it in words. */
export function StatusBadge({ status }: { status: TicketStatus }) {
  return <span className={`badge ${styles[status] ?? ''}`}>{m.tickets.status[status]}</span>;
}
