import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { paths } from '../../../lib/paths';
import { ApiProblem, fieldErrors } from '../../../lib/problem';
import { useCursorPages } from '../../../lib/useCursorPages';
import { m } from '../../../messages';
import { useRoutineReport, type MonthRange } from '../api';
import styles from '../components/Reports.module.css';
import { RoutineCsvButton } from '../components/RoutineCsvButton';
import { RoutineRangePicker } from '../components/RoutineRangePicker';
import { RoutineReportTable } from '../components/RoutineReportTable';
import { routineRange } from '../month';

/** The API's word on the range asked for: a 422 naming `from` or `to` (a bad month, a range backwards or too long). */
function rangeProblem(error: unknown): { from?: string; to?: string } | undefined {
  if (!(error instanceof ApiProblem) || error.status !== 422) return undefined;
  const fields = fieldErrors(error);
  if (!fields.from && !fields.to) return undefined;
  return { ...(fields.from ? { from: fields.from } : {}), ...(fields.to ? { to: fields.to } : {}) };
}

/** A page of the range's routine work at a time, with previous and next. */
function RoutinePages({ range }: { range: MonthRange }) {
  const t = m.reports.routine;
  const pages = useCursorPages();
  const lines = useRoutineReport(range, pages.cursor);
  if (lines.isPending) return <Loading />;
  // A refused range is said at its input (see the page); anything else here, with a retry where it helps.
  if (lines.isError) return rangeProblem(lines.error) ? null : <ErrorAlert error={lines.error} onRetry={() => void lines.refetch()} />;
  return (
    <>
      <p className="visually-hidden" role="status">
        {lines.isPlaceholderData ? t.updating : ''}
      </p>
      <div aria-busy={lines.isPlaceholderData || undefined}>
        <RoutineReportTable lines={lines.data.items} range={range} page={pages.page} />
      </div>
      <Pager hasPrevious={pages.hasPrevious} nextCursor={lines.data.next_cursor} onPrevious={pages.previous} onNext={pages.next} />
    </>
  );
}

/**
 * The routine activity report (`/reports/routine?from=2026-01&to=2026-12`): the routine maintenance due in a
 * range of months, by month due, a page at a time; and its CSV of the whole range. Without a range, the API's
 * default: the twelve months to this one.
 */
export default function RoutineReportPage() {
  const t = m.reports.routine;
  const [params, setParams] = useSearchParams();
  // Whatever the address says is asked: the API answers a bad range with a 422 naming `from` or `to`.
  const range = routineRange(params.get('from') || null, params.get('to') || null);
  // The first page's answer carries the range's problem (later pages ask only once it was accepted).
  const first = useRoutineReport(range, null);
  const problem = rangeProblem(first.error);

  const choose = (end: keyof MonthRange, month: string) =>
    setParams((p) => {
      const out = new URLSearchParams(p);
      out.set('from', end === 'from' ? month : range.from);
      out.set('to', end === 'to' ? month : range.to);
      return out;
    });

  return (
    <Page title={t.title}>
      <p className="muted">{t.intro}</p>
      <p>
        <Link to={paths.reports}>{t.back}</Link>
      </p>
      <div className={styles.controls}>
        <RoutineRangePicker range={range} errors={problem ?? {}} onChange={choose} />
        {problem ? null : <RoutineCsvButton range={range} />}
      </div>
      {/* Keyed by range: another range's list starts at its first page. */}
      <RoutinePages key={`${range.from}/${range.to}`} range={range} />
    </Page>
  );
}
