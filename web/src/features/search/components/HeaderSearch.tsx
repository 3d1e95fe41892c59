import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../customers';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import styles from './HeaderSearch.module.css';

/** The header's search box, while the company has search on: it opens the search page with its words. */
export function HeaderSearch() {
  const on = useMe().data?.modules.includes('search') ?? false;
  if (!on) return null;
  return <HeaderSearchForm />;
}

function HeaderSearchForm() {
  const t = m.search.header;
  const id = useId();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  return (
    <form
      role="search"
      aria-label={t.landmark}
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        const words = text.trim();
        navigate(words ? paths.searchFor(words) : paths.search);
        setText('');
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t.label}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        autoComplete="off"
        spellCheck={false}
        placeholder={t.placeholder}
        className={styles.input}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className={`btn ${styles.submit}`}>
        {t.submit}
      </button>
    </form>
  );
}
