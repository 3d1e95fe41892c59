import { useState } from 'react';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { m } from '../../../messages';
import { keywordProblem } from '../api';
import styles from './Articles.module.css';

interface Props {
  /** The keyword in the address. */
  q: string | null;
  /** Puts a keyword in the address (null: none). */
  onSearch: (q: string | null) => void;
}

/**
 * The keyword box: what it holds is searched when it is submitted. A keyword the API would refuse (under two
 * characters, over a hundred) is said at the box, and nothing is asked.
 */
export function KeywordSearch({ q, onSearch }: Props) {
  const t = m.articles.search;
  const [text, setText] = useState(q ?? '');
  // A keyword arriving in the address from elsewhere (Back, a link) replaces the box's text.
  const [seen, setSeen] = useState(q);
  if (q !== seen) {
    setSeen(q);
    setText(q ?? '');
  }
  const problem = q ? keywordProblem(q) : null;
  const message = problem ? t[problem] : undefined;
  return (
    <form
      role="search"
      aria-label={t.landmark}
      className={styles.search}
      onSubmit={(e) => {
        e.preventDefault();
        const words = text.trim();
        onSearch(words ? words : null);
      }}
    >
      <TextField
        label={t.label}
        type="search"
        name="q"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        hint={t.hint}
        error={message}
      />
      <Button type="submit" className={styles.submit}>
        {t.submit}
      </Button>
      {/* The box's message said again where a screen reader hears it without leaving the box. */}
      <div role="status" className="visually-hidden">
        {message ?? ''}
      </div>
    </form>
  );
}
