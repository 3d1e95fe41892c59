import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { openLink } from '../../../lib/upload';
import { m } from '../../../messages';
import { attachmentLink, type Attachment } from '../api';
import styles from './Attachments.module.css';

interface Props {
  ticketId: string;
  /** Oldest first, as the API gives them. */
  attachments: Attachment[];
}

/** The ticket's files: name (opens through a five-minute link), size, who attached it and when. */
export function AttachmentList({ ticketId, attachments }: Props) {
  const t = m.tickets.detail.attachments;
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [said, setSaid] = useState('');

  const open = async (a: Attachment) => {
    setOpening(a.id);
    setError(null);
    setSaid('');
    try {
      const mode = openLink(await attachmentLink(ticketId, a.id));
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
        <p className="empty">{t.empty}</p>
      ) : (
        <ul className={styles.list} aria-label={t.label}>
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
