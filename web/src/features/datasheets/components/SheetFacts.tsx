import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import type { Sheet } from '../api';
import { StatusBadge } from './StatusBadge';

const t = m.datasheets.facts;

/** Who started the sheet and when, its status, and the ticket its submission raised. */
export function SheetFacts({ sheet }: { sheet: Sheet }) {
  return (
    <dl className="facts">
      <dt>{t.status}</dt>
      <dd>
        <StatusBadge status={sheet.status} />
      </dd>
      <dt>{t.createdBy}</dt>
      <dd>{sheet.created_by_name}</dd>
      <dt>{t.created}</dt>
      <dd>{formatDateTime(sheet.created_at)}</dd>
      <dt>{t.updated}</dt>
      <dd>{formatDateTime(sheet.updated_at)}</dd>
      {sheet.submitted_at ? (
        <>
          <dt>{t.submitted}</dt>
          <dd>{formatDateTime(sheet.submitted_at)}</dd>
        </>
      ) : null}
      {sheet.submitted_by ? (
        <>
          <dt>{t.submittedBy}</dt>
          <dd>{sheet.submitted_by}</dd>
        </>
      ) : null}
      {sheet.ticket_id ? (
        <>
          <dt>{t.ticket}</dt>
          <dd>
            <TicketLink id={sheet.ticket_id} number={sheet.ticket_number} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function TicketLink({ id, number }: { id: string; number?: number | null | undefined }) {
  return <Link to={paths.ticket(id)}>{number != null ? m.datasheets.ticketLink(number) : m.datasheets.facts.ticket}</Link>;
}
