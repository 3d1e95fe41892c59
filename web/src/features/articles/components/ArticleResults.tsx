import { useId } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { keywordProblem, useArticles, type ArticleFilter } from '../api';
import { ArticleList } from './ArticleList';
import styles from './Articles.module.css';

/**
 * The articles of the category and keyword in the address, newest first, a page at a time with "More"
 * after them; none asked for while the keyword is one the API would refuse (the box says why).
 */
export function ArticleResults({ category, q }: ArticleFilter) {
  const t = m.articles.list;
  const headingId = useId();
  const articles = useArticles({ category, q });
  const refused = q ? keywordProblem(q) !== null : false;
  const items = articles.data?.pages.flatMap((p) => p.items) ?? null;
  const none = !refused && items !== null && items.length === 0;

  return (
    <>
      {/* What the search came to when it found nothing, heard without leaving the box. */}
      <div role="status">{none ? <p className="empty">{t.empty(q)}</p> : null}</div>
      {refused ? null : items === null ? (
        articles.isError ? (
          <ErrorAlert
            error={articles.error}
            onRetry={() => void articles.refetch()}
            fieldLabels={{ q: m.articles.search.label, category: m.articles.categories.title }}
          />
        ) : (
          <Loading />
        )
      ) : none ? (
        <p>
          {t.emptyHint}{' '}
          {q ? <Link to={paths.helpIn(category, null)}>{m.articles.search.clear}</Link> : null}
          {q && category ? ' · ' : null}
          {category ? <Link to={paths.helpIn(null, q)}>{t.allCategories}</Link> : null}
        </p>
      ) : (
        <>
          <h2 id={headingId} className={styles.listHeading}>
            {t.heading(category, q)}
          </h2>
          <ArticleList articles={items} labelledBy={headingId} />
          {articles.isFetchNextPageError ? <ErrorAlert error={articles.error} onRetry={() => void articles.fetchNextPage()} /> : null}
          {articles.hasNextPage ? (
            <Button variant="secondary" busy={articles.isFetchingNextPage} onClick={() => void articles.fetchNextPage()}>
              {articles.isFetchingNextPage ? t.loadingMore : t.more}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}
