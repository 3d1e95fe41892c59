import { useCallback, useState } from 'react';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useBlobDownload } from '../../../lib/download';
import { formatMonthLong } from '../../../lib/format';
import { m } from '../../../messages';
import { openLink } from '../../documents';
import styles from './Reports.module.css';
import { activityCsvName, fetchActivityCsv, useActivityPdf, type ReportLink } from '../api';

interface Props {
  /** The report's month, `YYYY-MM`: the PDF and CSV are of the same month. */
  month: string;
  /** The whole group's PDF and CSV (`group=true`), asked of the contact's own portal. */
  group?: boolean;
  /** For tests: where the CSV comes from and goes, and how the PDF's link opens. */
  fetchCsv?: (month: string, group: boolean) => Promise<Blob>;
  save?: (blob: Blob, fileName: string) => void;
  open?: (link: ReportLink) => void;
}

/** The PDF opens in a new tab (the API signs it `inline`), the way documents' and invoices' links open. */
const openInTab = (link: ReportLink) => {
  openLink({ url: link.url, disposition: 'inline', expires_at: link.expires_at });
};

/** The report's buttons: its PDF, fetched as a five-minute link on click and opened; its CSV, downloaded. */
export function ReportActions({ month, group = false, fetchCsv = fetchActivityCsv, save, open = openInTab }: Props) {
  const t = m.reports.actions;
  const pdf = useActivityPdf(group);
  const csv = useBlobDownload({
    fetchBlob: useCallback(() => fetchCsv(month, group), [fetchCsv, month, group]),
    fileName: useCallback(() => activityCsvName(month), [month]),
    doneMessage: t.csvDone,
    ...(save ? { save } : {}),
  });
  // What was done last, announced: the PDF opened or the CSV downloaded.
  const [said, setSaid] = useState('');
  const openPdf = () => {
    setSaid('');
    pdf.mutate(month, {
      onSuccess: (link) => {
        open(link);
        setSaid(t.pdfOpened(formatMonthLong(month)));
      },
    });
  };
  const downloadCsv = async () => {
    setSaid('');
    const done = await csv.run();
    if (done) setSaid(done);
  };

  return (
    <div className={styles.files}>
      <div className={styles.actions}>
        <Button variant="secondary" busy={pdf.isPending} onClick={openPdf}>
          {pdf.isPending ? t.pdfOpening : t.pdf}
        </Button>
        <Button variant="secondary" busy={csv.busy} onClick={() => void downloadCsv()}>
          {csv.busy ? t.csvDownloading : t.csv}
        </Button>
      </div>
      {pdf.isError ? <ErrorAlert error={pdf.error} onRetry={openPdf} /> : null}
      <ErrorAlert error={csv.error} onRetry={() => void downloadCsv()} />
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </div>
  );
}
