import { formatDate } from '../../../lib/format';
import { m } from '../../../messages';
import type { NewsItem } from '../api';
import styles from './NewsAnnouncements.module.css';

interface Props {
  /** Items still in the banner. */
  active: NewsItem[];
  /** Items the contact dismissed. */
  dismissed: NewsItem[];
}

/** Every current announcement, newest first: title, date and text; dismissed ones say so. */
export function AnnouncementList({ active, dismissed }: Props) {
  const dismissedIds = new Set(dismissed.map((n) => n.id));
  const seen = new Set<string>();
  const all = [...active, ...dismissed]
    .filter((n) => (seen.has(n.id) ? false : (seen.add(n.id), true)))
    .sort((a, b) => b.starts_at.localeCompare(a.starts_at));
  if (all.length === 0) return <p className={styles.empty}>{m.news.announcementsEmpty}</p>;
  return (
    <ul className={styles.items}>
      {all.map((n) => (
        <li key={n.id} className={styles.item}>
          <h3 className={styles.itemTitle}>{n.title}</h3>
          <p className={styles.meta}>
            <time dateTime={n.starts_at}>{formatDate(n.starts_at)}</time>
            {dismissedIds.has(n.id) && !active.some((a) => a.id === n.id) ? <span className={styles.tag}>{m.news.dismissedTag}</span> : null}
          </p>
          <p className={styles.body}>{n.body}</p>
        </li>
      ))}
    </ul>
  );
}
