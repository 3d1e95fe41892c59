import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { Day } from '../../../components/Day';
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
  if (jobs.length === 0) return <p className="empty">{m.jobs.empty}</p>;
  return (
    <DataTable
      caption={m.jobs.listCaption(page)}
      className={styles.table}
      columns={[c.bookedDates, c.reference, c.description, c.status, c.closed]}
    >
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
          <td>
            <Day value={job.closed_at} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
