import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { formatMonth } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useCursorPages } from '../../../lib/useCursorPages';
import { m } from '../../../messages';
import { useRoutineJobs } from '../api';
import { isMonth } from '../field';
import { RoutineJobTable } from '../components/FieldJobTables';
import { ListProblem } from '../components/ListProblem';
import { MonthNav } from '../components/MonthNav';

/**
 * The routine work due in a month (`/routine?month=2026-11`, from the routine activities panel), each job
 * with its property, outcome and the day it was done; without a month, all of it, latest month first.
 */
export default function RoutineListPage() {
  const t = m.field.routine;
  const [params] = useSearchParams();
  const month = params.get('month');
  const valid = isMonth(month);
  return (
    <Page title={valid ? t.monthTitle(formatMonth(month)) : t.title}>
      <p>{month ? t.intro : t.allIntro}</p>
      {valid ? <MonthNav month={month} to={paths.routineIn} /> : null}
      {/* Keyed by month: another month's list starts at its first page. */}
      <RoutinePages key={month ?? ''} month={month} />
      <p>
        <Link to={paths.sites}>{m.field.lists.backToProperties}</Link>
      </p>
    </Page>
  );
}

function RoutinePages({ month }: { month: string | null }) {
  const pages = useCursorPages();
  const jobs = useRoutineJobs(month, pages.cursor);
  if (jobs.isPending) return <Loading />;
  if (jobs.isError) return <ListProblem error={jobs.error} onRetry={() => void jobs.refetch()} />;
  return (
    <>
      <div aria-busy={jobs.isPlaceholderData || undefined}>
        <RoutineJobTable jobs={jobs.data.items} page={pages.page} />
      </div>
      <Pager hasPrevious={pages.hasPrevious} nextCursor={jobs.data.next_cursor} onPrevious={pages.previous} onNext={pages.next} />
    </>
  );
}
