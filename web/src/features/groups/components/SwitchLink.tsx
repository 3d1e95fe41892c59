import type { MouseEvent, ReactNode } from 'react';

interface Props {
  /** Where the link goes once the view has switched (opened in a new tab, it goes there as it is). */
  to: string;
  /** Switches the portal in view and opens `to`. */
  onOpen: () => void;
  children: ReactNode;
  'aria-label'?: string | undefined;
}

/** A link into another company's portal: a plain click switches the view first, so its page shows that company's. */
export function SwitchLink({ to, onOpen, children, 'aria-label': label }: Props) {
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onOpen();
  };
  return (
    <a href={to} onClick={click} aria-label={label}>
      {children}
    </a>
  );
}
