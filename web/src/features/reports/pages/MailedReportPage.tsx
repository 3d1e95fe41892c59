import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { paths } from '../../../lib/paths';
import { ApiProblem } from '../../../lib/problem';
import { m } from '../../../messages';
import { useSwitchView } from '../../groups';
import { useMailedReport } from '../api';

/** Why the emailed link does not open a report (not the contact's, or expired), and the reports page instead. */
function LinkRefused({ text, hint }: { text: string; hint: string }) {
  return (
    <>
      <div className="alert alert-error" role="alert">
        <p>{text}</p>
      </div>
      <p>{hint}</p>
      <p>
        <Link to={paths.reports}>{m.reports.mailed.toReports}</Link>
      </p>
    </>
  );
}

/**
 * Where the monthly email's link lands (`/reports/mailed/<link>`), signed in like every page: the API says
 * which month the link stands for, and the report of that month replaces this address. The link grants
 * nothing itself: another contact's link is not found (404), and an expired one is gone (410).
 */
export default function MailedReportPage() {
  const t = m.reports.mailed;
  const link = useParams().link ?? '';
  const mailed = useMailedReport(link);
  const switchView = useSwitchView();
  const month = mailed.data?.month;
  useEffect(() => {
    // The email is about the contact's own company: its report, even while another company is in view.
    if (month) switchView(null, paths.reportIn(month), { replace: true });
  }, [month, switchView]);

  const status = mailed.error instanceof ApiProblem ? mailed.error.status : null;
  return (
    <Page title={t.title}>
      {mailed.isError ? (
        status === 404 ? (
          <LinkRefused text={t.notYours} hint={t.notYoursHint} />
        ) : status === 410 ? (
          <LinkRefused text={t.expired} hint={t.expiredHint} />
        ) : (
          <ErrorAlert error={mailed.error} onRetry={() => void mailed.refetch()} />
        )
      ) : (
        <Loading label={t.opening} />
      )}
    </Page>
  );
}
