import { useId } from 'react';
import { formatDateTime } from '../../../lib/format';
import { m } from '../../../messages';
import type { WorkflowTask } from '../api';
import { TaskStatusBadge } from './TaskStatusBadge';
import styles from './WorkflowTasksTable.module.css';

/** A workflow's tasks in order: step, name, status, who did it and when. */
export function WorkflowTasksTable({ tasks, caption }: { tasks: WorkflowTask[]; caption: string }) {
  const c = m.workflows.columns;
  const captionId = useId();
  if (tasks.length === 0) return <p className="empty">{m.workflows.noTasks}</p>;
  return (
    // Focusable so that a keyboard can scroll it sideways on a narrow screen.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.step}</th>
            <th scope="col">{c.task}</th>
            <th scope="col">{c.status}</th>
            <th scope="col">{c.doneBy}</th>
            <th scope="col">{c.doneAt}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t, i) => (
            <tr key={`${i}-${t.name}`}>
              <td>{i + 1}</td>
              <td>{t.name}</td>
              <td>
                <TaskStatusBadge status={t.status} />
              </td>
              <td>{t.done_by ? t.done_by : <span className="muted">{m.workflows.notSet}</span>}</td>
              <td>
                {t.done_at ? <time dateTime={t.done_at}>{formatDateTime(t.done_at)}</time> : <span className="muted">{m.workflows.notSet}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
