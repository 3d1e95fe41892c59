import { useId } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useArticleCategories } from '../api';
import styles from './Articles.module.css';

interface Props {
  /** The category shown (null: all). */
  current: string | null;
  /** The keyword in use, kept when the category changes. */
  q: string | null;
}

/** The categories with how many articles each holds, each a link that shows only its articles. */
export function CategoryNav({ current, q }: Props) {
  const t = m.articles.categories;
  const categories = useArticleCategories();
  const headingId = useId();
  const total = categories.data?.reduce((n, c) => n + c.articles, 0) ?? 0;
  return (
    <nav className={styles.categories} aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      {categories.isPending ? (
        <Loading />
      ) : categories.isError ? (
        <ErrorAlert error={categories.error} onRetry={() => void categories.refetch()} />
      ) : (
        <ul>
          <CategoryLink to={paths.helpIn(null, q)} name={t.all} count={total} current={current === null} />
          {categories.data.map((c) => (
            <CategoryLink key={c.name} to={paths.helpIn(c.name, q)} name={c.name} count={c.articles} current={current === c.name} />
          ))}
        </ul>
      )}
    </nav>
  );
}

function CategoryLink({ to, name, count, current }: { to: string; name: string; count: number; current: boolean }) {
  return (
    <li>
      <Link to={to} aria-current={current || undefined}>
        <span>{name}</span>{' '}
        <span className={styles.count}>{m.articles.categories.count(count)}</span>
      </Link>
    </li>
  );
}
