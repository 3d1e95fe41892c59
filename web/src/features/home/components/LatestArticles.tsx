import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import type { ArticleSummary } from '../api';
import styles from './Home.module.css';

/** The newest help articles, each linking to its page, with its category and date. */
export function LatestArticles({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) return <p className="empty">{m.articles.home.none}</p>;
  return (
    <ul className={styles.list}>
      {articles.map((a) => (
        <li key={a.id}>
          <Link to={paths.article(a.id)}>{a.title}</Link>
          <span className={styles.meta}>
            <span className="badge">{a.category}</span>
            <span className="muted">
              {m.articles.list.published}
              {formatDate(a.published_at)}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
