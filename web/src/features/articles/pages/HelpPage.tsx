import { useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { m } from '../../../messages';
import { ArticleResults } from '../components/ArticleResults';
import styles from '../components/Articles.module.css';
import { CategoryNav } from '../components/CategoryNav';
import { KeywordSearch } from '../components/KeywordSearch';

/**
 * Help: the knowledge base's categories, a keyword box and the articles, newest first. The category and
 * the keyword are kept in the address (`?category=…&q=…`), so a view can be linked to and Back returns to it.
 */
export default function HelpPage() {
  const t = m.articles;
  const [params, setParams] = useSearchParams();
  const category = params.get('category')?.trim() || null;
  const q = params.get('q')?.trim() || null;
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <div className={styles.layout}>
        <CategoryNav current={category} q={q} />
        <div>
          <KeywordSearch
            q={q}
            onSearch={(next) =>
              setParams((p) => {
                const out = new URLSearchParams(p);
                if (next) out.set('q', next);
                else out.delete('q');
                return out;
              })
            }
          />
          <ArticleResults category={category} q={q} />
        </div>
      </div>
    </Page>
  );
}
