import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { Day, None } from '../../../components/Day';
import { formatMonth } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useMe } from '../../customers';
import { OutcomeBadge } from '../../field/parts';
import type { MonthRange, RoutineLine } from '../api';
import styles from './Reports.module.css';

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
  if (lines.length === 0) return <p className="empty">{t.empty}</p>;
  const c = t.columns;
  return (
    <DataTable
      caption={t.caption(formatMonth(range.from), formatMonth(range.to), page)}
      captionShown
      columns={[c.dueMonth, c.property, c.reference, c.lastDay, c.performedOn, c.outcome]}
    >
      {lines.map((line) => (
        <tr key={line.job_id}>
          <td className={styles.nowrap}>{formatMonth(line.due_month)}</td>
          <Property line={line} />
          <th scope="row" title={line.description}>
            {line.reference}
          </th>
          <td>
            <Day value={line.last_day} />
          </td>
          <td>
            <Day value={line.performed_on} missing={<span className="muted">{t.notPerformed}</span>} />
          </td>
          <td>{line.outcome ? <OutcomeBadge outcome={line.outcome} /> : <None />}</td>
        </tr>
      ))}
    </DataTable>
  );
}
