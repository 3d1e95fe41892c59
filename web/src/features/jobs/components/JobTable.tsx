import { useId } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import type { JobSummary } from '../api';
import { BookedDates } from './BookedDates';
import { JobStatusBadge } from './JobStatusBadge';
import styles from './JobTable.module.css';

interface Props {
  jobs: JobSummary[];
  /** 1-based page number, said in the table's caption. */
  page: number;
}

/** The job list as CommTrak's portal shows it: dates booked, reference, description, status, closed date. */
export function JobTable({ jobs, page }: Props) {
  const c = m.jobs.columns;
  const captionId = useId();
  if (jobs.length === 0) return <p className="empty">{m.jobs.empty}</p>;
  return (
    // Focusable so that a keyboard can scroll it sideways on a narrow screen.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className="visually-hidden">{m.jobs.listCaption(page)}</caption>
        <thead>
          <tr>
            <th scope="col">{c.bookedDates}</th>
            <th scope="col">{c.reference}</th>
            <th scope="col">{c.description}</th>
            <th scope="col">{c.status}</th>
            <th scope="col">{c.closed}</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              <td>
                <BookedDates dates={job.booked_dates} limit={3} empty={m.common.none} />
              </td>
              <th scope="row" className={styles.rowHead}>
                <Link to={paths.job(job.id)}>{job.reference}</Link>
              </th>
              <td>{job.description}</td>
              <td>
                <JobStatusBadge status={job.status} />
              </td>
              <td>{job.closed_at ? <time dateTime={job.closed_at}>{formatDate(job.closed_at)}</time> : <span className="muted">{m.common.none}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
