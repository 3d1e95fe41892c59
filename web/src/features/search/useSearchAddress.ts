import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { asSearchKind, type SearchKind } from './api';

/** How long typing pauses before the address (and so the search) follows. */
export const TYPING_PAUSE_MS = 250;

export interface SearchAddress {
  /** The words in the address: what is searched. */
  q: string;
  kind: SearchKind | null;
  siteId: string | null;
  /** The box's text, ahead of the address while typing. */
  text: string;
  setText: (text: string) => void;
  /** Puts the box's text in the address at once (on submit), without waiting for the pause. */
  commit: () => void;
  setKind: (kind: SearchKind | null) => void;
  clearSite: () => void;
}

/**
 * The search kept in the address (`?q=…&kind=…&site=…`), so a search can be linked to and Back returns to
 * it. Typing changes the address after a short pause, replacing the entry rather than adding one per word;
 * an address changed from elsewhere (the header's box, Back) puts its words back in the box.
 */
export function useSearchAddress(): SearchAddress {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = asSearchKind(params.get('kind'));
  const siteId = params.get('site') || null;
  const [text, setText] = useState(q);
  // The words last put in the address from here; other words arriving there came from elsewhere and replace
  // the box's text. (The address follows a change in a transition: until then it still holds the old words.)
  const [pushed, setPushed] = useState<string | null>(null);
  const [seen, setSeen] = useState(q);
  if (q !== seen) {
    setSeen(q);
    if (q !== pushed) setText(q);
  }

  const update = (change: (out: URLSearchParams) => void) =>
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        change(out);
        return out;
      },
      { replace: true },
    );

  // Blank text leaves no `q` in the address.
  const inAddress = (words: string) => (words.trim() ? words : '');
  const putWords = (words: string) => {
    setPushed(inAddress(words));
    update((out) => {
      if (inAddress(words)) out.set('q', words);
      else out.delete('q');
    });
  };

  useEffect(() => {
    if (inAddress(text) === q) return;
    const timer = setTimeout(() => putWords(text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // The pause restarts on each change of the text or the address (so it never writes an older address).
  }, [text, params]);

  return {
    q,
    kind,
    siteId,
    text,
    setText,
    commit: () => {
      if (inAddress(text) !== q) putWords(text);
    },
    setKind: (next) =>
      update((out) => {
        if (next) out.set('kind', next);
        else out.delete('kind');
      }),
    clearSite: () => update((out) => out.delete('site')),
  };
}
