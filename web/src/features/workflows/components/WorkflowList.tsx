import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import type { WorkflowSummary } from '../api';
import { TaskList } from './TaskList';
import styles from './WorkflowList.module.css';

interface Props {
  workflows: WorkflowSummary[];
  /** 1-based page number, said in the list's name. */
  page: number;
}

/** The active workflows: type, who started each, when, and every task with its status. */
export function WorkflowList({ workflows, page }: Props) {
  if (workflows.length === 0) return <p className="empty">{m.workflows.empty}</p>;
  return (
    <ul className={styles.list} aria-label={m.workflows.listLabel(page)}>
      {workflows.map((w) => {
        const done = w.tasks.filter((t) => t.status === 'done').length;
        const tasksId = `wf-${w.id}-tasks`;
        return (
          <li key={w.id} className={`card ${styles.item}`}>
            <h2 className={styles.title}>
              <Link to={paths.workflow(w.id)}>{w.workflow_type}</Link>
            </h2>
            <dl className={`facts ${styles.facts}`}>
              <dt>{m.workflows.instigator}</dt>
              <dd>{w.instigator}</dd>
              <dt>{m.workflows.created}</dt>
              <dd>
                <time dateTime={w.created_at}>{formatDate(w.created_at)}</time>
              </dd>
            </dl>
            <h3 id={tasksId} className={styles.tasksHead}>
              {m.workflows.tasks} <span className="muted">({m.workflows.taskCount(done, w.tasks.length)})</span>
            </h3>
            <TaskList tasks={w.tasks} labelledBy={tasksId} />
          </li>
        );
      })}
    </ul>
  );
}
