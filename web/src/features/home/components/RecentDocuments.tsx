import { formatBytes, formatDate } from '../../../lib/format';
import { m } from '../../../messages';
import type { RecentDocument } from '../api';
import styles from './Home.module.css';

interface Props {
  documents: RecentDocument[];
  /** The document whose link is being fetched, if any. */
  opening: string | null;
  onOpen: (doc: RecentDocument) => void;
}

/** The newest documents; opening one asks for its link only then. */
export function RecentDocuments({ documents, opening, onOpen }: Props) {
  const t = m.home.documents;
  if (documents.length === 0) return <p className="empty">{t.none}</p>;
  return (
    <ul className={styles.list}>
      {documents.map((d) => (
        <li key={d.id}>
          <button
            type="button"
            className={styles.linkButton}
            onClick={() => {
              if (opening !== d.id) onOpen(d);
            }}
            aria-busy={opening === d.id || undefined}
            aria-disabled={opening === d.id || undefined}
          >
            {d.name}
          </button>
          <span className={styles.meta}>
            <span className="muted">
              {[d.folder ? t.inFolder(d.folder) : null, t.added(formatDate(d.created_at)), formatBytes(d.size)].filter(Boolean).join(' · ')}
            </span>
            {opening === d.id ? <span className="muted">{t.opening}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
