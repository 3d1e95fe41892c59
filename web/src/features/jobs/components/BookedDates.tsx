import { formatDate } from '../../../lib/format';
import { m } from '../../../messages';

interface Props {
  dates: string[];
  /** Show at most this many, then "and N more"; all when absent. */
  limit?: number;
  /** What to show when no day is booked. */
  empty?: string;
}

/** The days a job is booked for, in the browser's date format. */
export function BookedDates({ dates, limit, empty = m.jobs.notSet }: Props) {
  if (dates.length === 0) return <span className="muted">{empty}</span>;
  const shown = limit === undefined ? dates : dates.slice(0, limit);
  const rest = dates.length - shown.length;
  return (
    <>
      {shown.map((d, i) => (
        <span key={d}>
          {i > 0 ? ', ' : null}
          <time dateTime={d}>{formatDate(d)}</time>
        </span>
      ))}
      {rest > 0 ? <span className="muted"> {m.jobs.moreDates(rest)}</span> : null}
    </>
  );
}
