import { Day } from '../../../components/Day';
import { m } from '../../../messages';
import type { MilestoneView } from '../api';
import { LateBadge } from './LateBadge';
import styles from './Projects.module.css';

/** The project's milestones in order, each with its due date and marked "Done" or "Overdue". */
export function MilestoneList({ milestones }: { milestones: MilestoneView[] }) {
  const t = m.projects.milestones;
  if (milestones.length === 0) return <p className="empty">{t.none}</p>;
  return (
    <ul className={styles.milestones} aria-label={t.title}>
      {milestones.map((ms) => (
        <li key={ms.id}>
          <strong>{ms.name}</strong>
          <Day value={ms.due_date} missing={null} />
          {ms.done ? <span className={`badge ${styles.doneBadge}`}>{t.done}</span> : null}
          {ms.overdue ? <LateBadge late="overdue" /> : null}
        </li>
      ))}
    </ul>
  );
}
