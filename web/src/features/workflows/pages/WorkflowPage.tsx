import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { formatDate, formatDateTime } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { ApiProblem } from '../../../lib/problem';
import { m } from '../../../messages';
import { useWorkflow } from '../api';
import { WorkflowTasksTable } from '../components/WorkflowTasksTable';

const back = (
  <p>
    <Link to={paths.workflows}>{m.workflows.backToList}</Link>
  </p>
);

export default function WorkflowPage() {
  const { id = '' } = useParams();
  const wf = useWorkflow(id);

  if (wf.isError && wf.error instanceof ApiProblem && wf.error.status === 404) {
    return (
      <Page title={m.workflows.notFoundTitle}>
        <p>{m.workflows.notFoundBody}</p>
        {back}
      </Page>
    );
  }
  if (!wf.data) {
    return (
      <Page title={m.workflows.loadingTitle}>
        {wf.isError ? <ErrorAlert error={wf.error} onRetry={() => void wf.refetch()} /> : <Loading />}
        {back}
      </Page>
    );
  }
  const w = wf.data;
  const done = w.tasks.filter((t) => t.status === 'done').length;
  return (
    <Page title={w.workflow_type}>
      <div className="card">
        <dl className="facts">
          <dt>{m.workflows.instigator}</dt>
          <dd>{w.instigator}</dd>
          <dt>{m.workflows.created}</dt>
          <dd>
            <time dateTime={w.created_at}>{formatDate(w.created_at)}</time>
          </dd>
          <dt>{m.workflows.updated}</dt>
          <dd>
            <time dateTime={w.updated_at}>{formatDateTime(w.updated_at)}</time>
          </dd>
          <dt>{m.workflows.tasks}</dt>
          <dd>{m.workflows.taskCount(done, w.tasks.length)}</dd>
        </dl>
      </div>
      <h2>{m.workflows.tasks}</h2>
      <WorkflowTasksTable tasks={w.tasks} caption={m.workflows.tasks} />
      {back}
    </Page>
  );
}
