// The home page's own reads. With /portal/me (shared with the shell) they are its four API calls at most;
// a document's link is asked for only when it is opened.
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';
import { articleKeys } from '../articles';
import { documentKeys } from '../documents';
import { ticketKeys } from '../tickets';

export type TicketRow = components['schemas']['TicketRow'];
export type Folder = components['schemas']['Folder'];
export type DocumentEntry = components['schemas']['DocumentEntry'];
export type ArticleSummary = components['schemas']['ArticleSummary'];

export const RECENT = 5;

// Under the tickets' and documents' own keys, so that raising, closing or submitting (a data sheet raises a
// ticket) and uploading refresh home too.
export const homeKeys = {
  tickets: [...ticketKeys.lists(), 'recent', RECENT] as const,
  documents: documentKeys.tree,
  articles: [...articleKeys.all, 'latest', RECENT] as const,
};

/** The five newest tickets the contact sees (only when the tickets module is on). */
export function useRecentTickets(enabled: boolean) {
  return useQuery({
    queryKey: homeKeys.tickets,
    queryFn: () => unwrap(api.GET('/portal/tickets', { params: { query: { limit: RECENT } } })),
    enabled,
  });
}

/** The company's document tree (only when the documents module is on). */
export function useDocumentTree(enabled: boolean) {
  return useQuery({
    queryKey: homeKeys.documents,
    queryFn: () => unwrap(api.GET('/portal/documents')),
    enabled,
  });
}

/** The five newest help articles the company sees (only when the knowledge base module is on). */
export function useLatestArticles(enabled: boolean) {
  return useQuery({
    queryKey: homeKeys.articles,
    queryFn: () => unwrap(api.GET('/portal/articles', { params: { query: { limit: RECENT } } })),
    enabled,
  });
}

/** A short-lived link to a document, asked for when it is opened. */
export function useDocumentLink() {
  return useMutation({
    mutationFn: (id: string) => unwrap(api.GET('/portal/documents/{id}/link', { params: { path: { id } } })),
  });
}

export interface RecentDocument extends DocumentEntry {
  /** The folder it sits in, `Reports / 2026`; empty at the top. */
  folder: string;
}

/** Every document of the tree with its folder path, newest first, the first `count`. */
export function newestDocuments(root: Folder, count = RECENT): RecentDocument[] {
  const all: RecentDocument[] = [];
  const walk = (folder: Folder, trail: string[]) => {
    for (const d of folder.documents) all.push({ ...d, folder: trail.join(' / ') });
    for (const f of folder.folders) walk(f, [...trail, f.name]);
  };
  walk(root, []);
  return all.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at)).slice(0, count);
}
