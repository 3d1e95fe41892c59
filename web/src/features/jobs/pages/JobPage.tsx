import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { paths } from '../../../lib/paths';
import { ApiProblem } from '../../../lib/problem';
import { m } from '../../../messages';
import { FieldFacts } from '../../field/parts';
import { useJob } from '../api';
import { JobFacts } from '../components/JobFacts';

const back = (
  <p>
    <Link to={paths.jobs}>{m.jobs.backToList}</Link>
  </p>
);

export default function JobPage() {
  const { id = '' } = useParams();
  const job = useJob(id);

  if (job.isError && job.error instanceof ApiProblem && job.error.status === 404) {
    return (
      <Page title={m.jobs.notFoundTitle}>
        <p>{m.jobs.notFoundBody}</p>
        {back}
      </Page>
    );
  }
  if (!job.data) {
    return (
      <Page title={m.jobs.loadingTitle}>
        {job.isError ? <ErrorAlert error={job.error} onRetry={() => void job.refetch()} /> : <Loading />}
        {back}
      </Page>
    );
  }
  return (
    <Page title={m.jobs.jobTitle(job.data.reference)}>
      <div className="card">
        <JobFacts job={job.data} />
      </div>
      {job.data.field ? <FieldFacts field={job.data.field} className="card" /> : null}
      {back}
    </Page>
  );
}
