import { useId } from 'react';
import { formatBytes, formatDate } from '../../../lib/format';
import { m } from '../../../messages';
import type { DocumentEntry, Folder } from '../api';
import styles from './DocumentTree.module.css';

const t = m.documents.tree;
/** Types a browser shows by itself (the API's `inline` links); a hint only, the link decides. */
const SHOWN = new Set(['application/pdf', 'text/plain', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function typeLabel(contentType: string): string {
  return m.documents.types[contentType] ?? contentType;
}

interface Props {
  root: Folder;
  /** Paths of the open folders. */
  expanded: ReadonlySet<string>;
  onToggle: (path: string) => void;
  onOpen: (doc: DocumentEntry) => void;
  /** The document whose link is being fetched. */
  opening?: string | null;
}

/**
 * The folder tree as nested lists: each folder is a disclosure button (`aria-expanded`) over the list of
 * what it holds, so it opens and closes with Enter or Space; each document is a button that opens it.
 */
export function DocumentTree({ root, expanded, onToggle, onOpen, opening = null }: Props) {
  if (root.folders.length === 0 && root.documents.length === 0) return <p className="empty">{t.empty}</p>;
  return (
    <ul className={styles.tree} aria-label={t.label}>
      <Items folder={root} expanded={expanded} onToggle={onToggle} onOpen={onOpen} opening={opening} />
    </ul>
  );
}

function Items({ folder, ...rest }: Omit<Props, 'root'> & { folder: Folder }) {
  return (
    <>
      {folder.folders.map((f) => (
        <FolderItem key={f.path} folder={f} {...rest} />
      ))}
      {folder.documents.map((d) => (
        <DocumentItem key={d.id} doc={d} onOpen={rest.onOpen} busy={rest.opening === d.id} />
      ))}
    </>
  );
}

function FolderItem({ folder, ...rest }: Omit<Props, 'root'> & { folder: Folder }) {
  const id = useId();
  const open = rest.expanded.has(folder.path);
  return (
    <li className={styles.folder}>
      <div className={styles.row}>
        <button type="button" className={styles.toggle} aria-expanded={open} aria-controls={id} onClick={() => rest.onToggle(folder.path)}>
          <span className={styles.chevron} aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className={styles.folderIcon} aria-hidden="true" />
          {folder.name}
        </button>
        <span className={`muted ${styles.count}`}>{t.contents(folder.folders.length, folder.documents.length)}</span>
      </div>
      <ul id={id} hidden={!open} className={styles.children}>
        <Items folder={folder} {...rest} />
      </ul>
    </li>
  );
}

function DocumentItem({ doc, onOpen, busy }: { doc: DocumentEntry; onOpen: (d: DocumentEntry) => void; busy: boolean }) {
  const id = useId();
  return (
    <li className={styles.doc}>
      <button
        type="button"
        className={styles.docName}
        onClick={() => {
          if (!busy) onOpen(doc);
        }}
        aria-describedby={id}
        aria-busy={busy || undefined}
        aria-disabled={busy || undefined}
      >
        <span className={styles.fileIcon} aria-hidden="true" />
        {doc.name}
      </button>
      <span id={id} className={styles.meta}>
        <span>{typeLabel(doc.content_type)}</span>
        <span>{formatBytes(doc.size)}</span>
        <span>{formatDate(doc.created_at)}</span>
        <span className="visually-hidden">{SHOWN.has(doc.content_type) ? t.opensInTab : t.downloads}</span>
      </span>
    </li>
  );
}
