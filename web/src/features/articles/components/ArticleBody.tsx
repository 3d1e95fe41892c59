import { useMemo } from 'react';
import { sanitiseArticle } from '../sanitise';
import styles from './Articles.module.css';

/**
 * The article's text, sanitised here once more right before it is inserted (the server has already; see
 * `sanitise.ts`). Named by the page's heading, the article's title.
 */
export function ArticleBody({ html, labelledBy }: { html: string; labelledBy: string }) {
  const clean = useMemo(() => sanitiseArticle(html), [html]);
  return <article className={styles.body} aria-labelledby={labelledBy} dangerouslySetInnerHTML={{ __html: clean }} />;
}
