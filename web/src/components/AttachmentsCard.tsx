import { useId } from 'react';
import type { Attachment, AttachmentEndpoints } from '../lib/attachments';
import { AttachmentForm } from './AttachmentForm';
import { AttachmentList } from './AttachmentList';

interface Props {
  title: string;
  /** The record's calls (a ticket's, a project's). */
  endpoints: AttachmentEndpoints;
  attachments: Attachment[];
  /** The list's name, what is said when there are none, and the file field's hint. */
  texts: { label: string; empty: string; hint: string };
  /** Whether "Attach a file" is offered (not on a closed record, nor in another portal of the group). */
  canAttach: boolean;
}

/** A record's files in a card named by its heading: the list, and "Attach a file" while it takes more. */
export function AttachmentsCard({ title, endpoints, attachments, texts, canAttach }: Props) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <AttachmentList endpoints={endpoints} attachments={attachments} label={texts.label} empty={texts.empty} />
      {canAttach ? <AttachmentForm endpoints={endpoints} hint={texts.hint} /> : null}
    </section>
  );
}
