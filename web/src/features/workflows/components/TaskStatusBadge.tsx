import { m } from '../../../messages';
import type { TaskStatus } from '../api';
import styles from './TaskStatusBadge.module.css';

export type TaskColour = 'grey' | 'amber' | 'green' | 'red';

/** The colour the API gives each status (`TaskBadge.colour`), for tasks that come without one. */
export const colourOf: Record<TaskStatus, TaskColour> = {
  not_started: 'grey',
  in_progress: 'amber',
  done: 'green',
  blocked: 'red',
};

function known(colour: string | undefined): colour is TaskColour {
  return colour === 'grey' || colour === 'amber' || colour === 'green' || colour === 'red';
}

interface Props {
  status: TaskStatus;
  /** The API's colour; the status's own colour when absent or unknown. */
  colour?: string;
}

/**
 * A task's status: a coloured mark whose shape also differs (ring, half, full, bar) and, always, the status in
 * words. Colour is never the only signal.
 */
export function TaskStatusBadge({ status, colour }: Props) {
  const c = known(colour) ? colour : colourOf[status];
  return (
    <span className={`badge ${styles.badge} ${styles[c] ?? ''}`} data-colour={c}>
      <span className={`${styles.mark} ${styles[`mark_${status}`] ?? ''}`} aria-hidden="true" />
      <span className={styles.label}>{m.workflows.status[status] ?? status}</span>
    </span>
  );
}
