import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { m } from '../../../messages';
import { useJobs } from '../api';
import { JobTable } from '../components/JobTable';
import { useCursorPages } from '../../../lib/useCursorPages';

export default function JobListPage() {
  const pages = useCursorPages();
  const jobs = useJobs(pages.cursor);
  return (
    <Page title={m.jobs.listTitle}>
      <QueryState query={jobs}>
        {(data) => (
          <>
            <div aria-busy={jobs.isPlaceholderData || undefined}>
              <JobTable jobs={data.items} page={pages.page} />
            </div>
            <Pager hasPrevious={pages.hasPrevious} nextCursor={data.next_cursor} onPrevious={pages.previous} onNext={pages.next} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
