import { useCallback } from 'react';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useBlobDownload } from '../../../lib/download';
import { m } from '../../../messages';
import { fetchRoutineCsv, routineCsvName, type MonthRange } from '../api';
import styles from './Reports.module.css';

interface Props {
  /** The range shown: the CSV is of all of it, every page. */
  range: MonthRange;
  /** For tests: where the CSV comes from and goes. */
  fetchCsv?: (range: MonthRange) => Promise<Blob>;
  save?: (blob: Blob, fileName: string) => void;
}

/** The routine report's CSV of the whole range, downloaded as `routine-<from>-to-<to>.csv`. */
export function RoutineCsvButton({ range, fetchCsv = fetchRoutineCsv, save }: Props) {
  const t = m.reports.routine;
  const { from, to } = range;
  const csv = useBlobDownload({
    fetchBlob: useCallback(() => fetchCsv({ from, to }), [fetchCsv, from, to]),
    fileName: useCallback(() => routineCsvName({ from, to }), [from, to]),
    doneMessage: t.csvDone,
    ...(save ? { save } : {}),
  });
  return (
    <div className={styles.files}>
      <div className={styles.actions}>
        <Button variant="secondary" busy={csv.busy} onClick={() => void csv.run()}>
          {csv.busy ? t.csvDownloading : t.csv}
        </Button>
      </div>
      <ErrorAlert error={csv.error} onRetry={() => void csv.run()} />
      <p className="visually-hidden" role="status">
        {csv.done}
      </p>
    </div>
  );
}
