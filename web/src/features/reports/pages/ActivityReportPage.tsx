import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { formatMonthLong } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { ApiProblem, fieldErrors, problemMessage } from '../../../lib/problem';
import { m } from '../../../messages';
import { useMe } from '../../customers';
import { useViewingOther } from '../../groups';
import { useActivityReport, type ActivityReport } from '../api';
import { MonthlyEmailPanel } from '../components/MonthlyEmailPanel';
import { MonthPicker } from '../components/MonthPicker';
import { ReportActions } from '../components/ReportActions';
import { ReportHeader } from '../components/ReportHeader';
import styles from '../components/Reports.module.css';
import { SectionCards } from '../components/SectionCard';
import { SiteActivityTable } from '../components/SiteActivityTable';
import { TrendPanel } from '../components/TrendPanel';
import { currentMonth, laterMonth } from '../month';

/** The API's word on the month asked for: a 422 naming `month` (a bad or future month), else nothing. */
function monthProblem(error: unknown): string | undefined {
  if (!(error instanceof ApiProblem) || error.status !== 422) return undefined;
  return fieldErrors(error).month ?? problemMessage(error);
}

/** The report's figures: header, sections (or that nothing happened), the six months and the properties. */
function ReportBody({ report, group }: { report: ActivityReport; group: boolean }) {
  return (
    <>
      <ReportHeader report={report} group={group} />
      {report.empty ? <p className="alert alert-info">{m.reports.empty(formatMonthLong(report.month))}</p> : null}
      <SectionCards sections={report.sections} />
      <TrendPanel trend={report.trend} />
      <SiteActivityTable report={report} />
    </>
  );
}

/** The link to the routine activity report, when the company has routine maintenance. */
function RoutineReportLink() {
  const routineOn = useMe().data?.modules.includes('routine') ?? false;
  if (!routineOn) return null;
  return (
    <p>
      <Link to={paths.routineReport}>{m.reports.routineLink}</Link>
    </p>
  );
}

/**
 * The monthly activity report (`/reports?month=2026-11`): the month's figures per module, the six months up
 * to it as a chart, the properties with activity; its PDF and CSV. Without a month, the current one. With
 * `group=1` (from the whole-group page), the whole client group's report, figures and files alike. In the
 * contact's own portal, the company's report by email each month (not the group's, nor another company's).
 */
export default function ActivityReportPage() {
  const t = m.reports;
  const [params, setParams] = useSearchParams();
  const group = params.get('group') === '1';
  // Whatever the address says is asked: the API answers a bad or future month with a 422 to show.
  const asked = params.get('month') || null;
  const report = useActivityReport(asked, group);
  const data = report.isError ? undefined : report.data;
  // The month in view: the one asked for, else the API's current month once it has answered.
  const month = asked ?? data?.month ?? null;
  const problem = monthProblem(report.error);
  // The subscription is the contact's, written in their own portal only (refused with the view header).
  const viewingOther = useViewingOther();

  const choose = (next: string) =>
    setParams((p) => {
      const out = new URLSearchParams(p);
      out.set('month', next);
      return out;
    });

  return (
    <Page title={group ? t.groupTitle : t.title}>
      <p className="muted">{group ? t.groupIntro : t.intro}</p>
      {group ? null : <RoutineReportLink />}
      <div className={styles.controls}>
        <MonthPicker
          value={month ?? currentMonth()}
          // No later than this month; the business's current month may be ahead of the contact's clock.
          max={laterMonth(currentMonth(), asked ? null : data?.month)}
          error={problem}
          onChange={choose}
        />
        {data && month ? <ReportActions key={`${data.month}-${group}`} month={data.month} group={group} /> : null}
      </div>
      <p className="visually-hidden" role="status">
        {report.isPlaceholderData ? t.updating : ''}
      </p>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        problem ? null : (
          <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
        )
      ) : data ? (
        <div aria-busy={report.isPlaceholderData || undefined}>
          <ReportBody report={data} group={group} />
        </div>
      ) : null}
      {group || viewingOther ? null : <MonthlyEmailPanel />}
    </Page>
  );
}
