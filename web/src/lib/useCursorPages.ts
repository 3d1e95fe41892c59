import { useState } from 'react';

/** Previous/next over the API's opaque cursors: the cursors of the pages seen so far, newest last. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<string[]>([]);
  return {
    cursor: cursors[cursors.length - 1] ?? null,
    page: cursors.length + 1,
    hasPrevious: cursors.length > 0,
    next: (cursor: string) => setCursors((c) => [...c, cursor]),
    previous: () => setCursors((c) => c.slice(0, -1)),
  };
}
