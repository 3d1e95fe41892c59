// The tickets feature's server state: queries, mutations and their keys.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';
import type { AttachmentEndpoints } from '../../lib/attachments';

export type TicketRow = components['schemas']['TicketRow'];
export type PortalTicket = components['schemas']['PortalTicket'];
export type ConversationEntry = components['schemas']['ConversationEntry'];
export type NewPortalTicket = components['schemas']['NewPortalTicket'];
export type TicketStatus = components['schemas']['TicketStatus'];
export type TicketType = components['schemas']['TicketType'];
export type Priority = components['schemas']['Priority'];
export type Dashboard = components['schemas']['Dashboard'];
export type Satisfaction = components['schemas']['Satisfaction'];
export type TicketEdit = components['schemas']['TicketEdit'];
export type NewRating = components['schemas']['NewRating'];
export type RatingView = components['schemas']['RatingView'];
export type SlaView = components['schemas']['SlaView'];
export type SlaClock = components['schemas']['SlaClock'];
export type SlaState = components['schemas']['SlaState'];

export const TICKET_TYPES: TicketType[] = ['incident', 'request', 'question', 'fault'];
export const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];
/** The statuses an open ticket can have, in the order work moves through them. */
export const OPEN_STATUSES: TicketStatus[] = ['new', 'in_progress', 'waiting_on_customer'];

/** A rating's scores, from very dissatisfied to very satisfied. */
export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

export const PAGE_SIZE = 25;

/** What the list shows: also the query string of its address. */
export interface TicketFilters {
  status: 'open' | 'closed';
  /** Only with the "see all company tickets" grant; otherwise the contact's own tickets anyway. */
  scope: 'mine' | 'all' | null;
  q: string;
  cursor: string | null;
}

/** The API's query for a list or its export (no cursor for the export: it is the whole list). */
export function listQuery(f: TicketFilters, paged: boolean) {
  return {
    status: f.status,
    ...(f.scope ? { scope: f.scope } : {}),
    ...(f.q ? { q: f.q } : {}),
    ...(paged ? { limit: PAGE_SIZE, ...(f.cursor ? { cursor: f.cursor } : {}) } : {}),
  };
}

export const ticketKeys = {
  all: ['tickets'] as const,
  lists: () => [...ticketKeys.all, 'list'] as const,
  list: (f: TicketFilters) => [...ticketKeys.lists(), f] as const,
  detail: (id: string) => [...ticketKeys.all, 'detail', id] as const,
  dashboard: () => [...ticketKeys.all, 'dashboard'] as const,
};

export function useTickets(f: TicketFilters) {
  return useQuery({
    queryKey: ticketKeys.list(f),
    queryFn: () => unwrap(api.GET('/portal/tickets', { params: { query: listQuery(f, true) } })),
    placeholderData: keepPreviousData,
  });
}

/** The list as the API's CSV, with the same filters. */
export function fetchTicketsCsv(f: TicketFilters): Promise<Blob> {
  return unwrap(api.GET('/portal/tickets/export', { params: { query: listQuery(f, false) }, parseAs: 'blob' }));
}

export function useTicket(id: string) {
  return useQuery({
    queryKey: ticketKeys.detail(id),
    queryFn: () => unwrap(api.GET('/portal/tickets/{id}', { params: { path: { id } } })),
    // A ticket someone else's or missing answers 404: asking again will not change that.
    retry: (count, error) => count < 2 && !(error && 'status' in error && error.status === 404),
  });
}

export function useCreateTicket() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPortalTicket) => unwrap(api.POST('/portal/tickets', { body })),
    onSuccess: (ticket) => {
      qc.setQueryData(ticketKeys.detail(ticket.id), ticket);
      void qc.invalidateQueries({ queryKey: ticketKeys.lists() });
      void qc.invalidateQueries({ queryKey: ticketKeys.dashboard() });
    },
  });
}

export function useAddNote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => unwrap(api.POST('/portal/tickets/{id}/notes', { params: { path: { id } }, body: { body } })),
    onSuccess: (entry) => {
      qc.setQueryData<PortalTicket>(ticketKeys.detail(id), (t) => (t ? { ...t, conversation: [...t.conversation, entry] } : t));
    },
    onError: () => {
      // Refused because the ticket was closed meanwhile (409): show it as it is now.
      void qc.invalidateQueries({ queryKey: ticketKeys.detail(id) });
    },
  });
}

export function useCloseTicket(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/portal/tickets/{id}/close', { params: { path: { id } } })),
    onSuccess: async () => {
      // The answer carries the ticket without its conversation: read it again whole.
      await qc.invalidateQueries({ queryKey: ticketKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: ticketKeys.lists() });
      void qc.invalidateQueries({ queryKey: ticketKeys.dashboard() });
    },
  });
}

/** The answer is the whole ticket as it is now: shown at once; lists and dashboard read again. */
function useTicketChange<T>(id: string, call: (body: T) => Promise<PortalTicket>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (ticket) => {
      qc.setQueryData(ticketKeys.detail(id), ticket);
      void qc.invalidateQueries({ queryKey: ticketKeys.lists() });
      void qc.invalidateQueries({ queryKey: ticketKeys.dashboard() });
    },
    onError: () => {
      // Refused because the ticket changed meanwhile (409: staff took it up, closed it, or it is rated):
      // read it again, so what is offered matches what is allowed.
      void qc.invalidateQueries({ queryKey: ticketKeys.detail(id) });
    },
  });
}

/** A new ticket's subject and description, changed by the contact who raised it. */
export function useEditTicket(id: string) {
  return useTicketChange(id, (body: TicketEdit) => unwrap(api.PUT('/portal/tickets/{id}', { params: { path: { id } }, body })));
}

/** A ticket the contact closed, open again (for a while after closing). */
export function useReopenTicket(id: string) {
  return useTicketChange(id, () => unwrap(api.POST('/portal/tickets/{id}/reopen', { params: { path: { id } } })));
}

/** The contact's satisfaction with a closed ticket: once. */
export function useRateTicket(id: string) {
  return useTicketChange(id, (body: NewRating) => unwrap(api.POST('/portal/tickets/{id}/rating', { params: { path: { id } }, body })));
}

/** Confidential (only the raiser and staff see it) or shared again with colleagues: the raiser's to change. */
export function useSetConfidential(id: string) {
  return useTicketChange(id, (confidential: boolean) =>
    unwrap(api.PUT('/portal/tickets/{id}/confidentiality', { params: { path: { id } }, body: { confidential } })),
  );
}

export function useDashboard() {
  return useQuery({
    queryKey: ticketKeys.dashboard(),
    queryFn: () => unwrap(api.GET('/portal/reports/tickets')),
  });
}

/** Where a ticket's files are attached and opened. */
export function ticketAttachments(id: string): AttachmentEndpoints {
  return {
    queryKey: ticketKeys.detail(id),
    announce: (file) =>
      unwrap(
        api.POST('/portal/tickets/{id}/attachments', {
          params: { path: { id } },
          body: { name: file.name, content_type: file.type, size: file.size },
        }),
      ),
    complete: (attachmentId) =>
      unwrap(
        api.POST('/portal/tickets/{id}/attachments/{attachment_id}/complete', { params: { path: { id, attachment_id: attachmentId } } }),
      ),
    link: (attachmentId) =>
      unwrap(api.GET('/portal/tickets/{id}/attachments/{attachment_id}/link', { params: { path: { id, attachment_id: attachmentId } } })),
  };
}
