import { formatBytes, formatDate } from '../../../lib/format';
import { m } from '../../../messages';
import type { SiteDocument } from '../api';
import styles from './SiteFiles.module.css';

interface Props {
  documents: SiteDocument[];
  /** The document whose link is being fetched, if any. */
  opening: string | null;
  onOpen: (doc: SiteDocument) => void;
}

/** A site's shared files; opening one asks for its link only then. */
export function SiteFiles({ documents, opening, onOpen }: Props) {
  const t = m.sites.files;
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
          <span className="muted">
            {' '}
            {[d.folder ? t.inFolder(d.folder) : null, t.added(formatDate(d.created_at)), formatBytes(d.size)]
              .filter(Boolean)
              .join(' · ')}
          </span>
          {opening === d.id ? <span className="muted"> {t.opening}</span> : null}
        </li>
      ))}
    </ul>
  );
}
