import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import type { TicketRow } from '../api';
import { StatusBadge } from './StatusBadge';

/** One page of tickets; the subject links to the ticket. */
export function TicketTable({ rows, caption }: { rows: TicketRow[]; caption: string }) {
  const c = m.tickets.list.columns;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.number}</th>
            <th scope="col">{c.subject}</th>
            <th scope="col">{c.status}</th>
            <th scope="col">{c.contact}</th>
            <th scope="col">{c.created}</th>
            <th scope="col">{c.closed}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.id}>
              <td>{t.number}</td>
              <td>
                <Link to={paths.ticket(t.id)}>{t.subject}</Link>
              </td>
              <td>
                <StatusBadge status={t.status} />
              </td>
              <td>{t.contact ?? m.common.none}</td>
              <td>{formatDate(t.created_at)}</td>
              <td>{t.closed_at ? formatDate(t.closed_at) : m.common.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
