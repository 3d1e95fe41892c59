import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { m } from '../../../messages';
import { useWorkflows } from '../api';
import { WorkflowList } from '../components/WorkflowList';
import { useCursorPages } from '../../../lib/useCursorPages';

export default function WorkflowListPage() {
  const pages = useCursorPages();
  const workflows = useWorkflows(pages.cursor);
  return (
    <Page title={m.workflows.listTitle}>
      <p className="muted">{m.workflows.listIntro}</p>
      <QueryState query={workflows}>
        {(data) => (
          <>
            <div aria-busy={workflows.isPlaceholderData || undefined}>
              <WorkflowList workflows={data.items} page={pages.page} />
            </div>
            <Pager hasPrevious={pages.hasPrevious} nextCursor={data.next_cursor} onPrevious={pages.previous} onNext={pages.next} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
