import { useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useParams } from 'react-router';
import { AttachmentsCard } from '../../../components/AttachmentsCard';
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
import {
  useAddNote,
  useCloseTicket,
  useEditTicket,
  useRateTicket,
  useReopenTicket,
  useSetConfidential,
  ticketAttachments,
  useTicket,
  type PortalTicket,
} from '../api';
import { ConfidentialBadge } from '../components/ConfidentialBadge';
import { ConfidentialityPanel } from '../components/ConfidentialityPanel';
import { Conversation } from '../components/Conversation';
import { NoteForm } from '../components/NoteForm';
import { RatingForm } from '../components/RatingForm';
import { RatingSummary } from '../components/RatingSummary';
import { ReopenPanel } from '../components/ReopenPanel';
import { SlaPanel } from '../components/SlaPanel';
import { TicketEditForm } from '../components/TicketEditForm';
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
  const edit = useEditTicket(ticket.id);
  const reopen = useReopenTicket(ticket.id);
  const rate = useRateTicket(ticket.id);
  const confidentiality = useSetConfidential(ticket.id);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  /** What the last change did, for the status region (screen readers hear it). */
  const [said, setSaid] = useState('');
  const isClosed = ticket.status === 'closed';
  // A note refused because the ticket was closed meanwhile (409): the ticket is read again and says so.
  const refusedAsClosed = addNote.error instanceof ApiProblem && addNote.error.status === 409;
  // In another customer's portal of the group, tickets are read only.
  const viewingOther = useViewingOther();
  const canClose = ticket.raised_by_me && !isClosed && !viewingOther;
  const canEdit = ticket.editable && !viewingOther;
  // Only the contact who raised it decides who sees it, whatever its status.
  const canSetConfidential = ticket.raised_by_me && !viewingOther;
  const reopenUntil = isClosed && !viewingOther ? (ticket.reopen_until ?? null) : null;
  const rating = ticket.rating ?? null;
  /** Closes the edit form and puts the keyboard back on the button that opened it. */
  const stopEditing = () => {
    flushSync(() => setEditing(false));
    document.getElementById('edit-ticket-button')?.focus();
  };
  const doReopen = () =>
    reopen.mutate(undefined, {
      onSuccess: () => {
        setSaid(t.reopen.reopened);
        // The button is gone: put focus back at the top of the ticket.
        document.getElementById('page-title')?.focus();
      },
    });
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
      {ticket.confidential ? (
        <p>
          <ConfidentialBadge />
        </p>
      ) : null}
      <ErrorAlert error={close.error} onRetry={() => close.mutate()} />
      {/* A refused reopening (409: too late, or staff closed it) says why, here: the panel may be gone. */}
      <ErrorAlert error={reopen.error} onRetry={doReopen} />
      <p className="visually-hidden" role="status">
        {said}
      </p>
      <section className="card" aria-labelledby="ticket-facts">
        <h2 id="ticket-facts">{t.facts}</h2>
        <TicketFacts ticket={ticket} />
      </section>
      <SlaPanel sla={ticket.sla} />
      {canSetConfidential ? (
        <ConfidentialityPanel
          confidential={ticket.confidential}
          busy={confidentiality.isPending}
          error={confidentiality.error}
          onChange={(confidential) =>
            confidentiality.mutate(confidential, {
              onSuccess: (now) => setSaid(now.confidential ? t.confidentiality.marked : t.confidentiality.unmarked),
            })
          }
        />
      ) : null}
      {reopenUntil ? (
        <ReopenPanel until={reopenUntil} busy={reopen.isPending} onReopen={doReopen} />
      ) : null}
      {rating ? (
        <>
          {/* Refused as rated already (409): the ticket is read again and shows the rating there is. */}
          <ErrorAlert error={rate.error} />
          <RatingSummary rating={rating} takeFocus={rate.isSuccess} />
        </>
      ) : ticket.ratable && !viewingOther ? (
        <RatingForm
          busy={rate.isPending}
          error={rate.error}
          onSubmit={(body) =>
            rate.mutate(body, {
              onSuccess: () => setSaid(t.rating.thanks),
            })
          }
        />
      ) : null}
      {editing ? (
        <div className="card">
          <TicketEditForm
            initial={{ subject: ticket.subject, description: ticket.description }}
            busy={edit.isPending}
            error={edit.error}
            onSubmit={(body) =>
              edit.mutate(body, {
                onSuccess: () => {
                  setSaid(t.edit.saved);
                  stopEditing();
                },
              })
            }
            onCancel={() => {
              edit.reset();
              stopEditing();
            }}
          />
        </div>
      ) : (
        <section className="card" aria-labelledby="ticket-description">
          <div className={styles.heading}>
            <h2 id="ticket-description">{t.description}</h2>
            {canEdit ? (
              <Button
                id="edit-ticket-button"
                variant="secondary"
                onClick={() => {
                  edit.reset();
                  setEditing(true);
                }}
              >
                {t.edit.button}
              </Button>
            ) : null}
          </div>
          <p className={styles.description}>{ticket.description}</p>
        </section>
      )}
      <section className={styles.section} aria-labelledby="ticket-conversation">
        <h2 id="ticket-conversation">{t.conversation}</h2>
        <Conversation entries={ticket.conversation} myName={myName} />
      </section>
      <AttachmentsCard
        title={t.attachments.title}
        endpoints={ticketAttachments(ticket.id)}
        attachments={ticket.attachments}
        texts={t.attachments}
        canAttach={!isClosed && !viewingOther}
      />
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
            onSuccess: () => {
              setSaid(t.closedNow);
              // The button that opened the dialog is gone: put focus back at the top of the ticket.
              document.getElementById('page-title')?.focus();
            },
          })
        }
      >
        <p>{t.closeBody}</p>
      </ConfirmDialog>
    </Page>
  );
}
