// The tables beside the charts: the same figures, for anyone who does not see the chart.
import { Table } from '../../../components/DataTable';
import { formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import { hours, type Count, type Month, type Resolution } from './data';

export function CountTable({ caption, heading, rows }: { caption: string; heading: string; rows: Count[] }) {
  const d = m.tickets.dashboard;
  const total = rows.reduce((n, r) => n + r.count, 0);
  return (
    <Table
      caption={caption}
      columns={[heading, d.count]}
      footer={
        <tr>
          <th scope="row">{d.total}</th>
          <td>{formatNumber(total)}</td>
        </tr>
      }
    >
      {rows.map((r) => (
        <tr key={r.key}>
          <th scope="row">{r.label}</th>
          <td>{formatNumber(r.count)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function MonthTable({ rows }: { rows: Month[] }) {
  const d = m.tickets.dashboard;
  return (
    <Table caption={d.perMonth} columns={[d.month, d.opened, d.closedCount]}>
      {rows.map((r) => (
        <tr key={r.month}>
          <th scope="row">{r.label}</th>
          <td>{formatNumber(r.opened)}</td>
          <td>{formatNumber(r.closed)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function ResolutionTable({ rows }: { rows: Resolution[] }) {
  const d = m.tickets.dashboard;
  return (
    <Table caption={d.resolution} columns={[d.priority, d.hours, d.tickets]}>
      {rows.map((r) => (
        <tr key={r.priority}>
          <th scope="row">{r.label}</th>
          <td>{r.hours === null ? d.noValue : hours(r.hours)}</td>
          <td>{formatNumber(r.tickets)}</td>
        </tr>
      ))}
    </Table>
  );
}
