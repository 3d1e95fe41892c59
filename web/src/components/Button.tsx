import type { ButtonHTMLAttributes, MouseEvent } from 'react';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  /**
   * While true the button does nothing and says so to assistive technology (`aria-disabled`, `aria-busy`).
   * It stays focusable: a `disabled` button would drop the keyboard focus to the page's start the moment it
   * was pressed.
   */
  busy?: boolean;
}

export function Button({ variant = 'primary', busy = false, className, disabled, type = 'button', children, onClick, ...rest }: Props) {
  const click = (e: MouseEvent<HTMLButtonElement>) => {
    // Also stops a form's implicit submission (Enter in a field clicks the submit button).
    if (busy) {
      e.preventDefault();
      return;
    }
    onClick?.(e);
  };
  return (
    <button
      type={type}
      className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={click}
      {...rest}
    >
      {children}
    </button>
  );
}
