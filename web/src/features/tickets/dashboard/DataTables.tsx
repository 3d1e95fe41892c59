// The tables beside the charts: the same figures, for anyone who does not see the chart.
import { formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import { hours, type Count, type Month, type Resolution } from './data';

export function CountTable({ caption, heading, rows }: { caption: string; heading: string; rows: Count[] }) {
  const d = m.tickets.dashboard;
  const total = rows.reduce((n, r) => n + r.count, 0);
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">{d.count}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td>{formatNumber(r.count)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{d.total}</th>
          <td>{formatNumber(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function MonthTable({ rows }: { rows: Month[] }) {
  const d = m.tickets.dashboard;
  return (
    <table>
      <caption>{d.perMonth}</caption>
      <thead>
        <tr>
          <th scope="col">{d.month}</th>
          <th scope="col">{d.opened}</th>
          <th scope="col">{d.closedCount}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.month}>
            <th scope="row">{r.label}</th>
            <td>{formatNumber(r.opened)}</td>
            <td>{formatNumber(r.closed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ResolutionTable({ rows }: { rows: Resolution[] }) {
  const d = m.tickets.dashboard;
  return (
    <table>
      <caption>{d.resolution}</caption>
      <thead>
        <tr>
          <th scope="col">{d.priority}</th>
          <th scope="col">{d.hours}</th>
          <th scope="col">{d.tickets}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.priority}>
            <th scope="row">{r.label}</th>
            <td>{r.hours === null ? d.noValue : hours(r.hours)}</td>
            <td>{formatNumber(r.tickets)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
