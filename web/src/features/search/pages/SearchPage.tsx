import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SelectField, TextField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { m } from '../../../messages';
import { asSearchKind, DEFAULT_LIMIT, hasUsableWord, SEARCH_KINDS, useSearch, type SearchKind } from '../api';
import { ResultList } from '../components/ResultList';
import { useSearchAddress } from '../useSearchAddress';
import styles from './SearchPage.module.css';

const KIND_OPTIONS = [
  { value: 'all', label: m.search.filter.all },
  ...SEARCH_KINDS.map((k) => ({ value: k, label: m.search.filter[k] })),
];

/**
 * Search: the words and the kind to show, kept in the address (a search can be linked to, Back returns to
 * it); the results follow the typing after a short pause, best first, each linking to its page.
 */
export default function SearchPage() {
  const t = m.search;
  const search = useSearchAddress();
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <form
        role="search"
        aria-label={t.title}
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          search.commit();
        }}
      >
        <div className={styles.words}>
          <TextField
            label={t.label}
            type="search"
            name="q"
            autoComplete="off"
            spellCheck={false}
            value={search.text}
            onChange={(e) => search.setText(e.target.value)}
            hint={t.hint}
          />
        </div>
        <SelectField
          label={t.kindLabel}
          name="kind"
          value={search.kind ?? 'all'}
          options={KIND_OPTIONS}
          onChange={(e) => search.setKind(asSearchKind(e.target.value))}
        />
        <Button type="submit" className={styles.submit}>
          {t.submit}
        </Button>
      </form>
      {search.siteId ? (
        <div className="alert alert-info">
          <p>
            {t.oneSite}{' '}
            <Button variant="quiet" onClick={search.clearSite}>
              {t.allSites}
            </Button>
          </p>
        </div>
      ) : null}
      <Results q={search.q} kind={search.kind} siteId={search.siteId} />
    </Page>
  );
}

interface ResultsProps {
  q: string;
  kind: SearchKind | null;
  siteId: string | null;
}

/** What the words in the address found: nothing asked until there is a word to find. */
function Results({ q, kind, siteId }: ResultsProps) {
  const t = m.search;
  const words = q.trim();
  const usable = hasUsableWord(q);
  const results = useSearch({ q, kind, siteId });
  const settled = usable && results.isSuccess && !results.isPlaceholderData;

  // One live region says what the search came to (how many, none, or that a word is needed), so a screen
  // reader hears the outcome of typing without leaving the box.
  const summary = !words
    ? ''
    : !usable
      ? t.tooShort
      : settled
        ? results.data.items.length === 0
          ? t.empty(words)
          : t.count(results.data.items.length, words)
        : '';

  return (
    <>
      <div role="status" className={styles.summary}>
        {summary ? <p>{summary}</p> : null}
      </div>
      {!usable ? null : results.isError ? (
        <ErrorAlert error={results.error} onRetry={() => void results.refetch()} fieldLabels={{ q: t.label }} />
      ) : (
        <QueryState query={results}>
          {(data) => (
            <>
              {data.partial ? (
                <div className="alert alert-info">
                  <p>{t.partial}</p>
                </div>
              ) : null}
              {data.items.length === 0 ? (
                <p className="empty">{t.emptyHint}</p>
              ) : (
                <div aria-busy={results.isPlaceholderData || undefined} className={styles.results}>
                  <ResultList results={data.items} />
                  {!data.partial && data.items.length >= DEFAULT_LIMIT ? <p className="muted">{t.limited(data.items.length)}</p> : null}
                </div>
              )}
            </>
          )}
        </QueryState>
      )}
    </>
  );
}
