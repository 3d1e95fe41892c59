import { m } from '../messages';
import { Button } from './Button';

interface Props {
  /** Cursors of the pages before this one; empty on the first page. */
  hasPrevious: boolean;
  nextCursor: string | null | undefined;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
}

/**
 * Previous / next over the API's opaque cursors. A button with nowhere to go is `aria-disabled`, not
 * `disabled`: reaching the last page with Next must not drop the keyboard focus.
 */
export function Pager({ hasPrevious, nextCursor, onPrevious, onNext }: Props) {
  if (!hasPrevious && !nextCursor) return null;
  return (
    <nav className="pager" aria-label={m.common.pageNav}>
      <Button variant="secondary" aria-disabled={!hasPrevious || undefined} onClick={() => hasPrevious && onPrevious()}>
        {m.common.previous}
      </Button>
      <Button variant="secondary" aria-disabled={!nextCursor || undefined} onClick={() => nextCursor && onNext(nextCursor)}>
        {m.common.next}
      </Button>
    </nav>
  );
}
