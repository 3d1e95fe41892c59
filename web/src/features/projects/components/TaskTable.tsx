import { Fragment, useId, useState } from 'react';
import { Table } from '../../../components/DataTable';
import { Day } from '../../../components/Day';
import { m } from '../../../messages';
import { useTaskComments, type TaskView } from '../api';
import { CommentThread } from './CommentThread';
import { LateBadge } from './LateBadge';
import { ProgressBar } from './ProgressBar';
import styles from './Projects.module.css';

interface Props {
  projectId: string;
  tasks: TaskView[];
  closed: boolean;
  /** How many comments each task has, when the project's whole thread is known. */
  commentCounts: ReadonlyMap<string, number> | null;
}

/**
 * The project's tasks: an overdue task's row is red and says "Overdue", one due today yellow saying "Due
 * today". Each task's comments open under its row, with the form to add one.
 */
export function TaskTable({ projectId, tasks, closed, commentCounts }: Props) {
  const t = m.projects.tasks;
  const c = t.columns;
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const baseId = useId();
  if (tasks.length === 0) return <p className="empty">{t.none}</p>;
  const toggle = (id: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="table-wrap">
      <Table caption={t.caption} captionShown={false} columns={[c.title, c.assignee, c.status, c.due, c.progress, c.comments]}>
        {tasks.map((task) => {
          const late = task.overdue ? 'overdue' : task.due_today ? 'due_today' : null;
          const expanded = open.has(task.id);
          const threadId = `${baseId}-${task.id}`;
          const count = commentCounts ? (commentCounts.get(task.id) ?? 0) : null;
          return (
            <Fragment key={task.id}>
              <tr className={late === 'overdue' ? styles.overdueRow : late === 'due_today' ? styles.dueTodayRow : undefined}>
                <td>
                  <span className={styles.name}>
                    <span>{task.title}</span>
                    {late ? <LateBadge late={late} /> : null}
                  </span>
                </td>
                <td>{task.assignee ?? <span className="muted">{t.unassigned}</span>}</td>
                <td>{m.projects.taskStatus[task.status]}</td>
                <td>
                  <Day value={task.due_date} />
                </td>
                <td>
                  <ProgressBar percent={task.progress} label={m.projects.progress.label(task.title)} late={late} />
                </td>
                <td>
                  {/* Named with its task too (its words first, as they show): each row has one. */}
                  <button
                    type="button"
                    className={`btn btn-quiet ${styles.disclosure}`}
                    aria-label={t.commentsFor(count, task.title)}
                    aria-expanded={expanded}
                    aria-controls={expanded ? threadId : undefined}
                    onClick={() => toggle(task.id)}
                  >
                    {t.comments(count)}
                  </button>
                </td>
              </tr>
              {expanded ? (
                <tr className={styles.taskComments}>
                  <td colSpan={6}>
                    <TaskComments id={threadId} projectId={projectId} task={task} closed={closed} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </Table>
    </div>
  );
}

/** One task's comments and the form to add one, read when they are first shown. */
function TaskComments({ id, projectId, task, closed }: { id: string; projectId: string; task: TaskView; closed: boolean }) {
  const t = m.projects;
  const comments = useTaskComments(projectId, task.id, true);
  return (
    <section id={id} aria-label={t.tasks.commentsOn(task.title)}>
      <CommentThread
        projectId={projectId}
        taskId={task.id}
        closed={closed}
        comments={comments}
        empty={t.comments.noneOnTask}
        formTitle={t.comments.addToTask}
      />
    </section>
  );
}
