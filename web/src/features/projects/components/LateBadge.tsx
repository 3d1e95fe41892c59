import { m } from '../../../messages';
import styles from './Projects.module.css';

/** "Overdue" (red) or "Due today" (yellow): the words always, beside the colour. */
export function LateBadge({ late }: { late: 'overdue' | 'due_today' }) {
  return late === 'overdue' ? (
    <span className={`badge ${styles.lateBadge}`}>{m.projects.late.overdue}</span>
  ) : (
    <span className={`badge ${styles.todayBadge}`}>{m.projects.late.dueToday}</span>
  );
}
