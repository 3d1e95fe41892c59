import { useEffect, useState } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function mediaQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
}

/** Whether the person asked for less motion (`prefers-reduced-motion: reduce`); false where it cannot be known. */
export function usePrefersReducedMotion(): boolean {
  const [reduce, setReduce] = useState(() => mediaQuery()?.matches ?? false);
  useEffect(() => {
    const mq = mediaQuery();
    if (!mq) return;
    const update = () => setReduce(mq.matches);
    update();
    mq.addEventListener?.('change', update);
    return () => mq.removeEventListener?.('change', update);
  }, []);
  return reduce;
}
