import { useState } from 'react';
import type { Attachment, AttachmentEndpoints } from '../lib/attachments';
import { formatBytes, formatDateTime } from '../lib/format';
import { openLink } from '../lib/upload';
import { m } from '../messages';
import styles from './Attachments.module.css';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  /** The record's calls (a ticket's, a project's): its files open through its link. */
  endpoints: Pick<AttachmentEndpoints, 'link'>;
  /** Oldest first, as the API gives them. */
  attachments: Attachment[];
  /** The list's name, e.g. "Files attached to this ticket". */
  label: string;
  /** Said when there are none. */
  empty: string;
}

/** A record's files: name (opens through a five-minute link), size, who attached it and when. */
export function AttachmentList({ endpoints, attachments, label, empty }: Props) {
  const t = m.common.attachments;
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [said, setSaid] = useState('');

  const open = async (a: Attachment) => {
    setOpening(a.id);
    setError(null);
    setSaid('');
    try {
      const mode = openLink(await endpoints.link(a.id));
      setSaid(mode === 'tab' ? t.opened(a.name) : t.downloading(a.name));
    } catch (e) {
      setError(e);
    } finally {
      setOpening(null);
    }
  };

  return (
    <>
      <ErrorAlert error={error} />
      <p className="visually-hidden" role="status">
        {said}
      </p>
      {attachments.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className={styles.list} aria-label={label}>
          {attachments.map((a) => (
            <li key={a.id} className={styles.item}>
              <button
                type="button"
                className={styles.name}
                aria-busy={opening === a.id || undefined}
                aria-describedby={`attachment-${a.id}-facts`}
                onClick={() => void open(a)}
              >
                {a.name}
              </button>
              <span className="muted" id={`attachment-${a.id}-facts`}>
                {formatBytes(a.size)}, {t.by(a.author_name)},{' '}
                <time dateTime={a.created_at}>{formatDateTime(a.created_at)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
