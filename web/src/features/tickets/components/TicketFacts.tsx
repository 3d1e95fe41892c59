import { formatDateTime } from '../../../lib/format';
import { m } from '../../../messages';
import type { PortalTicket } from '../api';
import { StatusBadge } from './StatusBadge';

/** The ticket's fields as a list of terms and values. */
export function TicketFacts({ ticket }: { ticket: PortalTicket }) {
  const t = m.tickets.detail;
  return (
    <dl className="facts">
      <dt>{t.number}</dt>
      <dd>{ticket.number}</dd>
      <dt>{t.status}</dt>
      <dd>
        <StatusBadge status={ticket.status} />
      </dd>
      <dt>{t.type}</dt>
      <dd>{m.tickets.type[ticket.type]}</dd>
      <dt>{t.priority}</dt>
      <dd>{m.tickets.priority[ticket.priority]}</dd>
      <dt>{t.contact}</dt>
      <dd>{ticket.contact ?? m.common.none}</dd>
      <dt>{t.created}</dt>
      <dd>{formatDateTime(ticket.created_at)}</dd>
      <dt>{t.closed}</dt>
      <dd>{ticket.closed_at ? formatDateTime(ticket.closed_at) : t.notClosed}</dd>
    </dl>
  );
}
