// The lists behind the panels' figures, and a property's jobs: a row per job, its reference linking to the
// job's page (when the company has the jobs module).
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate, formatMonth } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useMe } from '../../customers';
import type { JobSummary } from '../api';
import { OutcomeBadge, StageBadge } from './Badges';
import styles from './FieldJobTables.module.css';
import { SiteName } from './SiteName';

const none = <span className="muted">{m.common.none}</span>;

function day(value: string | null | undefined, missing: ReactNode = none): ReactNode {
  return value ? <time dateTime={value}>{formatDate(value)}</time> : missing;
}

function Reference({ job }: { job: JobSummary }) {
  const jobsOn = useMe().data?.modules.includes('jobs') ?? false;
  return (
    <th scope="row" className={styles.rowHead}>
      {jobsOn ? <Link to={paths.job(job.id)}>{job.reference}</Link> : job.reference}
    </th>
  );
}

function Frame({ caption, children }: { caption: string; children: ReactNode }) {
  const captionId = useId();
  return (
    // Focusable so that a keyboard can scroll it sideways on a narrow screen.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

/** Routine jobs: where each is, how it was done and when. */
export function RoutineJobTable({ jobs, page }: { jobs: JobSummary[]; page: number }) {
  const t = m.field.routine;
  if (jobs.length === 0) return <p className="empty">{t.empty}</p>;
  return (
    <Frame caption={t.caption(page)}>
      <thead>
        <tr>
          <th scope="col">{t.columns.reference}</th>
          <th scope="col">{t.columns.site}</th>
          <th scope="col">{t.columns.dueMonth}</th>
          <th scope="col">{t.columns.outcome}</th>
          <th scope="col">{t.columns.performed}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id}>
            <Reference job={job} />
            <td>{job.field ? <SiteName siteId={job.field.site_id} /> : none}</td>
            <td>{job.field?.due_month ? formatMonth(job.field.due_month) : none}</td>
            <td>{job.field?.outcome ? <OutcomeBadge outcome={job.field.outcome} /> : none}</td>
            <td>{day(job.field?.performed_on, <span className="muted">{t.notPerformed}</span>)}</td>
          </tr>
        ))}
      </tbody>
    </Frame>
  );
}

/** Service calls: what each was about, where, the stage it is at, when it was logged and done. */
export function ServiceCallTable({ jobs, page }: { jobs: JobSummary[]; page: number }) {
  const t = m.field.calls;
  if (jobs.length === 0) return <p className="empty">{t.empty}</p>;
  return (
    <Frame caption={t.caption(page)}>
      <thead>
        <tr>
          <th scope="col">{t.columns.reference}</th>
          <th scope="col">{t.columns.description}</th>
          <th scope="col">{t.columns.site}</th>
          <th scope="col">{t.columns.stage}</th>
          <th scope="col">{t.columns.logged}</th>
          <th scope="col">{t.columns.performed}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id}>
            <Reference job={job} />
            <td>{job.description}</td>
            <td>{job.field ? <SiteName siteId={job.field.site_id} /> : none}</td>
            <td>{job.field ? <StageBadge stage={job.field.stage} /> : none}</td>
            <td>{day(job.field?.logged_on)}</td>
            <td>{day(job.field?.performed_on, <span className="muted">{t.notPerformed}</span>)}</td>
          </tr>
        ))}
      </tbody>
    </Frame>
  );
}

/** A property's field jobs: routine or service call, stage, the month due or the day logged, outcome. */
export function SiteJobTable({ jobs, page }: { jobs: JobSummary[]; page: number }) {
  const t = m.field.site;
  if (jobs.length === 0) return <p className="empty">{t.empty}</p>;
  return (
    <Frame caption={t.caption(page)}>
      <thead>
        <tr>
          <th scope="col">{t.columns.reference}</th>
          <th scope="col">{t.columns.description}</th>
          <th scope="col">{t.columns.kind}</th>
          <th scope="col">{t.columns.stage}</th>
          <th scope="col">{t.columns.when}</th>
          <th scope="col">{t.columns.outcome}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => {
          const f = job.field;
          return (
            <tr key={job.id}>
              <Reference job={job} />
              <td>{job.description}</td>
              <td>{f ? m.field.kind[f.kind] : none}</td>
              <td>{f ? <StageBadge stage={f.stage} /> : none}</td>
              <td>
                {!f ? (
                  none
                ) : f.kind === 'routine' && f.due_month ? (
                  t.due(formatMonth(f.due_month))
                ) : (
                  <>
                    {t.logged} {day(f.logged_on)}
                  </>
                )}
              </td>
              <td>{f?.outcome ? <OutcomeBadge outcome={f.outcome} /> : none}</td>
            </tr>
          );
        })}
      </tbody>
    </Frame>
  );
}
