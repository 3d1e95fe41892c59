import { Fragment, type ReactNode } from 'react';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import type { Job } from '../api';
import { BookedDates } from './BookedDates';
import styles from './JobFacts.module.css';
import { JobStatusBadge } from './JobStatusBadge';

const notSet = <span className="muted">{m.jobs.notSet}</span>;

function text(value: string | null | undefined): ReactNode {
  return value ? value : notSet;
}

function number(value: number | null | undefined): ReactNode {
  return value === null || value === undefined ? notSet : formatNumber(value, 2);
}

function moment(value: string | null | undefined, withTime = true): ReactNode {
  if (!value) return notSet;
  return <time dateTime={value}>{withTime ? formatDateTime(value) : formatDate(value)}</time>;
}

/** Every field of a job the portal may show, as a description list. */
export function JobFacts({ job }: { job: Job }) {
  const f = m.jobs.fields;
  const rows: [string, ReactNode][] = [
    [f.reference, job.reference],
    [f.jobType, text(job.job_type)],
    [f.description, <span className={styles.text}>{job.description}</span>],
    [f.status, <JobStatusBadge status={job.status} />],
    [f.takenBy, text(job.taken_by)],
    [f.orderNumber, text(job.order_number)],
    [f.bookedDates, <BookedDates dates={job.booked_dates} />],
    [f.scheduledAt, moment(job.scheduled_at)],
    [f.daysAllocated, number(job.days_allocated)],
    [
      f.technicians,
      job.technicians.length > 0 ? (
        <ul className={styles.list}>
          {job.technicians.map((t, i) => (
            <li key={`${i}-${t}`}>{t}</li>
          ))}
        </ul>
      ) : (
        notSet
      ),
    ],
    [f.estimatedHours, number(job.estimated_hours)],
    [f.actualHours, number(job.actual_hours)],
    [f.finishedAt, moment(job.finished_at)],
    [f.closedAt, moment(job.closed_at)],
    [f.createdAt, moment(job.created_at, false)],
    [f.updatedAt, moment(job.updated_at)],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
