// The lists behind the panels' figures, and a property's jobs: a row per job, its reference linking to the
// job's page (when the company has the jobs module).
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { Day, None } from '../../../components/Day';
import { formatMonth } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useMe } from '../../customers';
import type { JobSummary } from '../api';
import { OutcomeBadge, StageBadge } from './Badges';
import styles from './FieldJobTables.module.css';
import { SiteName } from './SiteName';

function Reference({ job }: { job: JobSummary }) {
  const jobsOn = useMe().data?.modules.includes('jobs') ?? false;
  return (
    <th scope="row" className={styles.rowHead}>
      {jobsOn ? <Link to={paths.job(job.id)}>{job.reference}</Link> : job.reference}
    </th>
  );
}

/** The day a job was done, or that it was not. */
function Performed({ job, notPerformed }: { job: JobSummary; notPerformed: string }) {
  return (
    <td>
      <Day value={job.field?.performed_on} missing={<span className="muted">{notPerformed}</span>} />
    </td>
  );
}

/** Routine jobs: where each is, how it was done and when. */
export function RoutineJobTable({ jobs, page }: { jobs: JobSummary[]; page: number }) {
  const t = m.field.routine;
  if (jobs.length === 0) return <p className="empty">{t.empty}</p>;
  const c = t.columns;
  return (
    <DataTable caption={t.caption(page)} className={styles.table} columns={[c.reference, c.site, c.dueMonth, c.outcome, c.performed]}>
      {jobs.map((job) => (
        <tr key={job.id}>
          <Reference job={job} />
          <td>{job.field ? <SiteName siteId={job.field.site_id} /> : <None />}</td>
          <td>{job.field?.due_month ? formatMonth(job.field.due_month) : <None />}</td>
          <td>{job.field?.outcome ? <OutcomeBadge outcome={job.field.outcome} /> : <None />}</td>
          <Performed job={job} notPerformed={t.notPerformed} />
        </tr>
      ))}
    </DataTable>
  );
}

/** Service calls: what each was about, where, the stage it is at, when it was logged and done. */
export function ServiceCallTable({ jobs, page }: { jobs: JobSummary[]; page: number }) {
  const t = m.field.calls;
  if (jobs.length === 0) return <p className="empty">{t.empty}</p>;
  const c = t.columns;
  return (
    <DataTable
      caption={t.caption(page)}
      className={styles.table}
      columns={[c.reference, c.description, c.site, c.stage, c.logged, c.performed]}
    >
      {jobs.map((job) => (
        <tr key={job.id}>
          <Reference job={job} />
          <td>{job.description}</td>
          <td>{job.field ? <SiteName siteId={job.field.site_id} /> : <None />}</td>
          <td>{job.field ? <StageBadge stage={job.field.stage} /> : <None />}</td>
          <td>
            <Day value={job.field?.logged_on} />
          </td>
          <Performed job={job} notPerformed={t.notPerformed} />
        </tr>
      ))}
    </DataTable>
  );
}

/** A property's field jobs: routine or service call, stage, the month due or the day logged, outcome. */
export function SiteJobTable({ jobs, page }: { jobs: JobSummary[]; page: number }) {
  const t = m.field.site;
  if (jobs.length === 0) return <p className="empty">{t.empty}</p>;
  const c = t.columns;
  return (
    <DataTable caption={t.caption(page)} className={styles.table} columns={[c.reference, c.description, c.kind, c.stage, c.when, c.outcome]}>
      {jobs.map((job) => {
        const f = job.field;
        return (
          <tr key={job.id}>
            <Reference job={job} />
            <td>{job.description}</td>
            <td>{f ? m.field.kind[f.kind] : <None />}</td>
            <td>{f ? <StageBadge stage={f.stage} /> : <None />}</td>
            <td>
              {!f ? (
                <None />
              ) : f.kind === 'routine' && f.due_month ? (
                t.due(formatMonth(f.due_month))
              ) : (
                <>
                  {t.logged} <Day value={f.logged_on} />
                </>
              )}
            </td>
            <td>{f?.outcome ? <OutcomeBadge outcome={f.outcome} /> : <None />}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
