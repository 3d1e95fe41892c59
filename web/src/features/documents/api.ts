// Documents: the company's folder tree, links to open a document, and uploads straight to storage.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';

export type Folder = components['schemas']['Folder'];
export type DocumentEntry = components['schemas']['DocumentEntry'];
export type DocumentLink = components['schemas']['Link'];
export type Upload = components['schemas']['Upload'];
export type UploadTicket = components['schemas']['UploadTicket'];

export const documentKeys = {
  tree: ['documents', 'tree'] as const,
};

export function useDocumentTree() {
  return useQuery({ queryKey: documentKeys.tree, queryFn: () => unwrap(api.GET('/portal/documents')) });
}

/** A link valid for five minutes, with whether the browser shows it (`inline`) or saves it. */
export function documentLink(id: string): Promise<DocumentLink> {
  return unwrap(api.GET('/portal/documents/{id}/link', { params: { path: { id } } }));
}

/** Announces the upload (name, type, size) and gets where to send the bytes. */
export function announceUpload(file: File): Promise<UploadTicket> {
  return unwrap(api.POST('/portal/documents/uploads', { body: { name: file.name, content_type: file.type, size: file.size } }));
}

/** The upload is in storage: the API checks it against what was announced. */
export function completeUpload(id: string) {
  return unwrap(api.POST('/portal/documents/{id}/complete', { params: { path: { id } } }));
}

// Sending bytes to a presigned address and opening a five-minute link are shared (`lib/upload`).
export { openLink, openMode, sendFile, StorageError } from '../../lib/upload';

/** A folder path and every folder above it: `Contracts/2026` gives `Contracts` and `Contracts/2026`. */
export function folderAncestors(path: string | null): string[] {
  const parts = (path ?? '').split('/').filter((p) => p !== '');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** Every folder path in the tree (for "Show all"). */
export function folderPaths(folder: Folder, into: string[] = []): string[] {
  for (const f of folder.folders) {
    into.push(f.path);
    folderPaths(f, into);
  }
  return into;
}
