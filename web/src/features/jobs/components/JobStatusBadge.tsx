import { m } from '../../../messages';
import type { JobStatus } from '../api';
import styles from './JobStatusBadge.module.css';

/** A job's status in words, tinted by stage (the words carry the meaning; the tint only helps scanning). */
export function JobStatusBadge({ status }: { status: JobStatus }) {
  return <span className={`badge ${styles[status] ?? ''}`}>{m.jobs.status[status] ?? status}</span>;
}
