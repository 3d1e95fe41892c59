import { formatDateTime } from '../../../lib/format';
import { m } from '../../../messages';
import type { ConversationEntry } from '../api';
import styles from './Conversation.module.css';

interface Props {
  entries: ConversationEntry[];
  /** The signed-in contact's name, to tell their own notes from a colleague's. */
  myName: string;
}

/** The ticket's messages, oldest first. Bodies are plain text: whatever they contain is shown, never run. */
export function Conversation({ entries, myName }: Props) {
  const t = m.tickets.detail;
  if (entries.length === 0) return <p className="empty">{t.noConversation}</p>;
  return (
    <ol className={styles.list}>
      {entries.map((e) => (
        <li key={e.id}>
          <article className={`${styles.entry} ${styles[e.kind] ?? ''}`} aria-labelledby={`note-${e.id}`}>
            <div className={styles.head}>
              <h3 className={styles.kind} id={`note-${e.id}`}>
                {t.kind(e.kind, e.kind === 'contact' && e.author === myName)}
              </h3>
              <span>{t.by(e.author)}</span>
              <time className="muted" dateTime={e.created_at}>
                {formatDateTime(e.created_at)}
              </time>
            </div>
            <p className={styles.body}>{e.body}</p>
          </article>
        </li>
      ))}
    </ol>
  );
}
