import { Link, useParams } from 'react-router';
import { Day } from '../../../components/Day';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { formatDate } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { ApiProblem } from '../../../lib/problem';
import { m } from '../../../messages';
import { useViewingOther } from '../../groups';
import { useArticle } from '../api';
import { ArticleBody } from '../components/ArticleBody';
import styles from '../components/Articles.module.css';
import { VoteBox } from '../components/VoteBox';

const back = (
  <p>
    <Link to={paths.help}>{m.articles.article.backToList}</Link>
  </p>
);

/** One help article: its title, category (a link to the category's articles), dates, text and the vote. */
export default function ArticlePage() {
  const t = m.articles.article;
  const { id = '' } = useParams();
  const article = useArticle(id);
  const viewingOther = useViewingOther();

  if (article.isError && article.error instanceof ApiProblem && article.error.status === 404) {
    return (
      <Page title={t.notFoundTitle}>
        <p>{t.notFoundBody}</p>
        {back}
      </Page>
    );
  }
  if (!article.data) {
    return (
      <Page title={t.loadingTitle}>
        {article.isError ? <ErrorAlert error={article.error} onRetry={() => void article.refetch()} /> : <Loading />}
        {back}
      </Page>
    );
  }
  const a = article.data;
  // Updated on another day than it was published: both dates are worth saying.
  const updated = formatDate(a.updated_at) !== formatDate(a.published_at);
  return (
    <Page title={a.title}>
      <dl className={styles.facts}>
        <div>
          <dt>{t.category}</dt>
          <dd>
            <Link to={paths.helpIn(a.category)}>{a.category}</Link>
          </dd>
        </div>
        <div>
          <dt>{t.published}</dt>
          <dd>
            <Day value={a.published_at} />
          </dd>
        </div>
        {updated ? (
          <div>
            <dt>{t.updated}</dt>
            <dd>
              <Day value={a.updated_at} />
            </dd>
          </div>
        ) : null}
      </dl>
      <ArticleBody html={a.body_html} labelledBy="page-title" />
      <VoteBox article={a} readOnly={viewingOther} />
      {back}
    </Page>
  );
}
