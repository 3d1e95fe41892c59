import { useQueryClient } from '@tanstack/react-query';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, type AttachmentEndpoints } from '../lib/attachments';
import { formatBytes } from '../lib/format';
import { m } from '../messages';
import { FileUploadForm } from './FileUploadForm';

/** What the file chooser offers; checked again below by type and size, and by the API. */
const ACCEPT = ['.pdf,.txt,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.csv,.zip', ...ATTACHMENT_TYPES].join(',');
const ACCEPTED: ReadonlySet<string> = new Set(ATTACHMENT_TYPES);
const FIELDS = ['content_type', 'size', 'name'] as const;

/** Why a file cannot be attached, before sending anything; `undefined` when it may be. */
export function checkAttachment(file: File): string | undefined {
  const t = m.common.attachments;
  if (!ACCEPTED.has(file.type)) return t.badType;
  if (file.size > ATTACHMENT_MAX_BYTES) return t.tooBig(formatBytes(file.size));
  if (file.size === 0) return t.emptyFile;
  return undefined;
}

interface Props {
  /** The record's calls (a ticket's, a project's). */
  endpoints: AttachmentEndpoints;
  /** Which files the record takes and who can open them, under the file field. */
  hint: string;
  /** After the file has been checked by the API and the record read again. */
  onAttached?: (name: string) => void;
}

/**
 * Attach a file to an open record (a ticket, a project): checked here by type and size, announced to the
 * API, sent straight to storage with a progress bar, then confirmed; the record is read again to list it.
 */
export function AttachmentForm({ endpoints, hint, onAttached }: Props) {
  const qc = useQueryClient();
  const reread = () => qc.invalidateQueries({ queryKey: endpoints.queryKey });
  return (
    <FileUploadForm
      texts={{ ...m.common.attachments, hint }}
      accept={ACCEPT}
      check={checkAttachment}
      fields={FIELDS}
      announce={async (file) => {
        const announced = await endpoints.announce(file);
        return { id: announced.attachment.id, upload: announced.upload };
      }}
      complete={endpoints.complete}
      refresh={reread}
      // Refused because the record was closed meanwhile or is full (409): show it as it is now.
      onFailed={() => void reread()}
      onDone={onAttached}
    />
  );
}
