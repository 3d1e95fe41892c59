// Files on a record (a ticket, a project), for every feature: the types a record's file may have, the
// largest it may be, and the calls that attach and open one, which each feature makes for its own paths.
import type { QueryKey } from '@tanstack/react-query';
import type { components } from './api';
import type { FileLink } from './upload';

export type Attachment = components['schemas']['Attachment'];
export type AttachmentUpload = components['schemas']['AttachmentUpload'];

/** The types a record's file may have (the API refuses others, naming `content_type`). */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'text/plain',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/zip',
] as const;
/** The largest file a record takes: 25 MiB. */
export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

/** Where one record's files are attached and opened: its feature's calls, for its own paths. */
export interface AttachmentEndpoints {
  /** The record whose answer lists the files: read again once one is added, or refused. */
  queryKey: QueryKey;
  /** Announces a file (name, type, size) and gets where to send the bytes. */
  announce: (file: File) => Promise<AttachmentUpload>;
  /** The bytes are in storage: the API checks them against what was announced. */
  complete: (attachmentId: string) => Promise<Attachment>;
  /** A five-minute link to a file, with whether the browser shows it (`inline`) or saves it. */
  link: (attachmentId: string) => Promise<FileLink>;
}
