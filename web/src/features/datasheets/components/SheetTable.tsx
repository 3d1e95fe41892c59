import { Link } from 'react-router';
import { Table } from '../../../components/DataTable';
import { formatDate } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import type { Sheet } from '../api';
import { StatusBadge } from './StatusBadge';

const t = m.datasheets.table;

/** The company's sheets: template (link to the sheet), status, who and when, and the ticket raised. */
export function SheetTable({ sheets }: { sheets: Sheet[] }) {
  return (
    <div className="table-wrap">
      <Table caption={t.caption} captionShown={false} columns={[t.template, t.status, t.createdBy, t.created, t.submitted, t.ticket]}>
        {sheets.map((s) => (
          <tr key={s.id}>
            <th scope="row">
              <Link to={paths.datasheet(s.id)}>{s.template_name}</Link>
            </th>
            <td>
              <StatusBadge status={s.status} />
            </td>
            <td>{s.created_by_name}</td>
            <td>{formatDate(s.created_at)}</td>
            <td>{s.submitted_at ? formatDate(s.submitted_at) : <span className="muted">{m.common.none}</span>}</td>
            <td>
              {s.ticket_id ? (
                <Link to={paths.ticket(s.ticket_id)} aria-label={s.ticket_number != null ? m.datasheets.ticketLink(s.ticket_number) : undefined}>
                  {s.ticket_number != null ? m.datasheets.ticketNumber(s.ticket_number) : t.ticket}
                </Link>
              ) : (
                <span className="muted">{m.common.none}</span>
              )}
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
