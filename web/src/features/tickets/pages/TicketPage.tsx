import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { paths } from '../../../lib/paths';
import { ApiProblem } from '../../../lib/problem';
import { m } from '../../../messages';
import { useMe } from '../../customers';
import { OwnPortalOnly, useViewingOther } from '../../groups';
import { useAddNote, useCloseTicket, useTicket, type PortalTicket } from '../api';
import { Conversation } from '../components/Conversation';
import { NoteForm } from '../components/NoteForm';
import { TicketFacts } from '../components/TicketFacts';
import styles from '../components/TicketDetail.module.css';

export default function TicketPage() {
  const { id = '' } = useParams();
  const ticket = useTicket(id);
  const t = m.tickets.detail;

  if (ticket.isPending) {
    return (
      <Page title={t.loadingTitle}>
        <Loading />
      </Page>
    );
  }
  if (ticket.isError) {
    // Another company's ticket answers exactly like a missing one.
    if (ticket.error instanceof ApiProblem && ticket.error.status === 404) {
      return (
        <Page title={t.notFoundTitle}>
          <p>{t.notFound}</p>
          <p>
            <Link to={paths.tickets}>{t.backToList}</Link>
          </p>
        </Page>
      );
    }
    return (
      <Page title={t.loadingTitle}>
        <ErrorAlert error={ticket.error} onRetry={() => void ticket.refetch()} />
      </Page>
    );
  }
  return <TicketView ticket={ticket.data} />;
}

function TicketView({ ticket }: { ticket: PortalTicket }) {
  const t = m.tickets.detail;
  const me = useMe();
  const addNote = useAddNote(ticket.id);
  const close = useCloseTicket(ticket.id);
  const [confirming, setConfirming] = useState(false);
  const isClosed = ticket.status === 'closed';
  // A note refused because the ticket was closed meanwhile (409): the ticket is read again and says so.
  const refusedAsClosed = addNote.error instanceof ApiProblem && addNote.error.status === 409;
  // In another customer's portal of the group, tickets are read only.
  const viewingOther = useViewingOther();
  const canClose = ticket.raised_by_me && !isClosed && !viewingOther;
  const myName = me.data ? `${me.data.contact.first_name.trim()} ${me.data.contact.last_name.trim()}` : '';

  return (
    <Page
      title={t.title(ticket.number, ticket.subject)}
      actions={
        canClose ? (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t.close}
          </Button>
        ) : null
      }
    >
      <p>
        <Link to={paths.tickets}>{t.backToList}</Link>
      </p>
      <ErrorAlert error={close.error} onRetry={() => close.mutate()} />
      <p className="visually-hidden" role="status">
        {close.isSuccess ? t.closedNow : ''}
      </p>
      <section className="card" aria-labelledby="ticket-facts">
        <h2 id="ticket-facts">{t.facts}</h2>
        <TicketFacts ticket={ticket} />
      </section>
      <section className="card" aria-labelledby="ticket-description">
        <h2 id="ticket-description">{t.description}</h2>
        <p className={styles.description}>{ticket.description}</p>
      </section>
      <section className={styles.section} aria-labelledby="ticket-conversation">
        <h2 id="ticket-conversation">{t.conversation}</h2>
        <Conversation entries={ticket.conversation} myName={myName} />
      </section>
      <div className="card">
        {isClosed && refusedAsClosed ? (
          <div className="alert alert-error" role="alert">
            <p>{t.closedNoNotes}</p>
          </div>
        ) : isClosed ? (
          <p className="muted">{t.closedNoNotes}</p>
        ) : viewingOther ? (
          <OwnPortalOnly />
        ) : (
          <NoteForm busy={addNote.isPending} error={addNote.error} onSubmit={(body) => addNote.mutateAsync(body)} />
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t.closeTitle}
        confirmLabel={t.closeConfirm}
        busy={close.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          close.mutate(undefined, {
            onSettled: () => setConfirming(false),
            // The button that opened the dialog is gone: put focus back at the top of the ticket.
            onSuccess: () => document.getElementById('page-title')?.focus(),
          })
        }
      >
        <p>{t.closeBody}</p>
      </ConfirmDialog>
    </Page>
  );
}
