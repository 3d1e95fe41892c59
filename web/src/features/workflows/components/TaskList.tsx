import { m } from '../../../messages';
import type { WorkflowSummary } from '../api';
import { TaskStatusBadge } from './TaskStatusBadge';
import styles from './WorkflowList.module.css';

/** A workflow's tasks in order, each with its status indicator. */
export function TaskList({ tasks, labelledBy }: { tasks: WorkflowSummary['tasks']; labelledBy?: string }) {
  if (tasks.length === 0) return <p className="muted">{m.workflows.noTasks}</p>;
  return (
    <ol className={styles.tasks} aria-labelledby={labelledBy}>
      {tasks.map((t, i) => (
        <li key={`${i}-${t.name}`} className={styles.task}>
          <span className={styles.taskName}>{t.name}</span>
          <TaskStatusBadge status={t.status} colour={t.colour} />
        </li>
      ))}
    </ol>
  );
}
