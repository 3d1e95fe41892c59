import { Link } from 'react-router';
import { Table } from '../../../components/DataTable';
import { formatDate } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import type { TicketRow } from '../api';
import { ConfidentialBadge } from './ConfidentialBadge';
import { StatusBadge } from './StatusBadge';

/** One page of tickets; the subject links to the ticket. */
export function TicketTable({ rows, caption }: { rows: TicketRow[]; caption: string }) {
  const c = m.tickets.list.columns;
  return (
    <div className="table-wrap">
      <Table caption={caption} captionShown={false} columns={[c.number, c.subject, c.status, c.contact, c.created, c.closed]}>
        {rows.map((t) => (
          <tr key={t.id}>
            <td>{t.number}</td>
            <td>
              <Link to={paths.ticket(t.id)}>{t.subject}</Link>
              {t.confidential ? (
                <>
                  {' '}
                  <ConfidentialBadge />
                </>
              ) : null}
            </td>
            <td>
              <StatusBadge status={t.status} />
            </td>
            <td>{t.contact ?? m.common.none}</td>
            <td>{formatDate(t.created_at)}</td>
            <td>{t.closed_at ? formatDate(t.closed_at) : m.common.none}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
