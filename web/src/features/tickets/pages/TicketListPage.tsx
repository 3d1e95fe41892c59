import { Link } from 'react-router';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useMe } from '../../customers';
import { useViewingOther } from '../../groups';
import { useTickets } from '../api';
import { TicketFiltersBar } from '../components/TicketFiltersBar';
import { TicketTable } from '../components/TicketTable';
import { useCsvExport } from '../useCsvExport';
import { useTicketFilters } from '../useTicketFilters';

export default function TicketListPage() {
  const t = m.tickets.list;
  const me = useMe();
  // Mine / All only for a contact with the "see all company tickets" grant.
  const canSeeAll = me.data?.contact.sees_all_tickets === true;
  const { filters, change, nextPage, previousPage, hasPrevious } = useTicketFilters();
  // Without the grant the API lists the contact's own tickets whatever the scope; don't send one. With it, a
  // list without a scope in its address starts where the contact does (`ticket_scope`, the company's setting).
  const applied = canSeeAll
    ? { ...filters, scope: filters.scope ?? me.data?.contact.ticket_scope ?? null }
    : { ...filters, scope: null };
  const list = useTickets(applied);
  const csv = useCsvExport(applied);
  // Tickets are raised in a company's own portal, not while viewing another of the group.
  const viewingOther = useViewingOther();

  return (
    <Page
      title={t.title}
      actions={
        <>
          {viewingOther ? null : (
            <Link className="btn btn-primary" to={paths.newTicket}>
              {t.newTicket}
            </Link>
          )}
          <Button variant="secondary" busy={csv.busy} onClick={() => void csv.run()}>
            {csv.busy ? t.exporting : t.export}
          </Button>
        </>
      }
    >
      <ErrorAlert error={csv.error} onRetry={() => void csv.run()} />
      <p className="visually-hidden" role="status">
        {csv.done}
      </p>
      <TicketFiltersBar filters={applied} canSeeAll={canSeeAll} onChange={change} />
      <QueryState query={list}>
        {(page) => (
          <>
            <p className="visually-hidden" role="status">
              {list.isPlaceholderData ? m.common.loading : t.shown(page.items.length, Boolean(page.next_cursor))}
            </p>
            {page.items.length === 0 ? (
              <p className="empty">{t.empty(applied.status, applied.q)}</p>
            ) : (
              <div aria-busy={list.isPlaceholderData || undefined}>
                <TicketTable rows={page.items} caption={t.caption(applied.status, applied.scope, applied.q)} />
              </div>
            )}
            <Pager hasPrevious={hasPrevious} nextCursor={page.next_cursor} onPrevious={previousPage} onNext={nextPage} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
