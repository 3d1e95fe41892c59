import { formatDateTime } from '../../../lib/format';
import { m } from '../../../messages';
import type { CommentView } from '../api';
import styles from './Projects.module.css';

interface Props {
  comments: CommentView[];
  /** The project's tasks' titles by id, to say which task a comment is on; none in one task's thread. */
  taskTitles?: ReadonlyMap<string, string>;
  /** Said when there are none. */
  empty: string;
}

/** Comments, oldest first: who wrote them (staff marked), when, on which task. Bodies are plain text, never run. */
export function CommentList({ comments, taskTitles, empty }: Props) {
  const t = m.projects.comments;
  if (comments.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ol className={styles.comments}>
      {comments.map((c) => {
        const task = taskTitles && c.task_id ? (taskTitles.get(c.task_id) ?? null) : null;
        return (
          <li key={c.id}>
            <article className={`${styles.comment} ${c.by_staff ? styles.staffComment : ''}`} aria-labelledby={`comment-${c.id}`}>
              <div className={styles.commentHead}>
                <h3 className={styles.author} id={`comment-${c.id}`}>
                  {c.author_name}
                </h3>
                {c.by_staff ? <span className="badge">{t.staff}</span> : null}
                {taskTitles && c.task_id ? <span className="badge">{task ? t.onTask(task) : t.removedTask}</span> : null}
                <time className="muted" dateTime={c.created_at}>
                  {formatDateTime(c.created_at)}
                </time>
              </div>
              <p className={styles.plainText}>{c.body}</p>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
