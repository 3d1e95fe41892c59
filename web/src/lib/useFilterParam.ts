import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filter kept in the address (`?status=paid`), so a link can open a given list; the first option
 * is the default and leaves the address bare. A choice shows at once: the address follows in a transition,
 * and until it has, the radio group would otherwise spring back to the old value.
 */
export function useFilterParam<T extends string>(options: readonly T[]): [T, (value: T) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const fallback = options[0] as T;
  const inAddress = options.find((o) => o === raw) ?? fallback;
  const [pending, setPending] = useState<T | null>(null);

  useEffect(() => {
    if (pending !== null && pending === inAddress) setPending(null);
  }, [pending, inAddress]);

  const set = (next: T) => {
    setPending(next);
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        if (next === fallback) out.delete('status');
        else out.set('status', next);
        return out;
      },
      { replace: true },
    );
  };
  return [pending ?? inAddress, set];
}
