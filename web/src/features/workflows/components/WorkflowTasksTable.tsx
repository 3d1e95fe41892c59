import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../lib/format';
import { m } from '../../../messages';
import type { WorkflowTask } from '../api';
import { TaskStatusBadge } from './TaskStatusBadge';
import styles from './WorkflowTasksTable.module.css';

/** A workflow's tasks in order: step, name, status, who did it and when. */
export function WorkflowTasksTable({ tasks, caption }: { tasks: WorkflowTask[]; caption: string }) {
  const c = m.workflows.columns;
  if (tasks.length === 0) return <p className="empty">{m.workflows.noTasks}</p>;
  return (
    <DataTable caption={caption} className={styles.table} columns={[c.step, c.task, c.status, c.doneBy, c.doneAt]}>
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
    </DataTable>
  );
}
