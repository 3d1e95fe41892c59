import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate, formatMonth } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useMe } from '../../customers';
import { OutcomeBadge } from '../../field/parts';
import type { MonthRange, RoutineLine } from '../api';
import styles from './Reports.module.css';

const none = <span className="muted">{m.common.none}</span>;

function day(value: string | null | undefined, missing: ReactNode = none): ReactNode {
  return value ? <time dateTime={value}>{formatDate(value)}</time> : missing;
}

/** A line's property: a link to its page when the company has the properties module, else its name. */
function Property({ line }: { line: RoutineLine }) {
  const sitesOn = useMe().data?.modules.includes('sites') ?? false;
  return <td>{sitesOn ? <Link to={paths.site(line.site_id)}>{line.site_name}</Link> : line.site_name}</td>;
}

/**
 * A page of the routine report: a row per piece of routine work, by month due, with its property, the last
 * day it counts as done, the day it was done and how (in words, in the routine panel's colours).
 */
export function RoutineReportTable({ lines, range, page }: { lines: RoutineLine[]; range: MonthRange; page: number }) {
  const t = m.reports.routine;
  const captionId = useId();
  if (lines.length === 0) return <p className="empty">{t.empty}</p>;
  return (
    // Focusable so that a keyboard can scroll it sideways on a narrow screen.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId}>{t.caption(formatMonth(range.from), formatMonth(range.to), page)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.dueMonth}</th>
            <th scope="col">{t.columns.property}</th>
            <th scope="col">{t.columns.reference}</th>
            <th scope="col">{t.columns.lastDay}</th>
            <th scope="col">{t.columns.performedOn}</th>
            <th scope="col">{t.columns.outcome}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.job_id}>
              <td className={styles.nowrap}>{formatMonth(line.due_month)}</td>
              <Property line={line} />
              <th scope="row" title={line.description}>
                {line.reference}
              </th>
              <td>{day(line.last_day)}</td>
              <td>{day(line.performed_on, <span className="muted">{t.notPerformed}</span>)}</td>
              <td>{line.outcome ? <OutcomeBadge outcome={line.outcome} /> : none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
