import { Link } from 'react-router';
import { Day } from '../../../components/Day';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import type { ArticleSummary } from '../api';
import styles from './Articles.module.css';

/** Articles, newest first: each its title (a link to it), category, date and the start of its text. */
export function ArticleList({ articles, labelledBy }: { articles: ArticleSummary[]; labelledBy: string }) {
  const t = m.articles.list;
  return (
    <ul className={styles.list} aria-labelledby={labelledBy}>
      {articles.map((a) => (
        <li key={a.id}>
          <h3>
            <Link to={paths.article(a.id)}>{a.title}</Link>
          </h3>
          <span className={styles.meta}>
            <span className="badge">{a.category}</span>
            <span className="muted">
              {t.published}
              <Day value={a.published_at} />
            </span>
          </span>
          <p>{a.summary}</p>
        </li>
      ))}
    </ul>
  );
}
