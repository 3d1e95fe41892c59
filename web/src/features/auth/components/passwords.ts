import { m } from '../../../messages';
import { ApiProblem } from '../../../lib/problem';

/** The pool's policy: at least 12 characters (the server also checks the character classes). */
export const PASSWORD_MIN_LENGTH = 12;

/** The new password's own checks before anything is sent: long enough, and typed the same twice. */
export function checkNewPassword(password: string, repeat: string): { password?: string; repeat?: string } {
  const out: { password?: string; repeat?: string } = {};
  if ([...password].length < PASSWORD_MIN_LENGTH) out.password = m.auth.passwordTooShort(PASSWORD_MIN_LENGTH);
  if (repeat !== password) out.repeat = m.auth.passwordsDiffer;
  return out;
}

/** An authenticator code as typed (spaces allowed), or null when it is not six digits. */
export function normaliseCode(value: string): string | null {
  const digits = value.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** A base32 secret in groups of four for reading and typing: `ABCD EFGH IJ`. */
export function groupSecret(secret: string): string {
  const clean = secret.replace(/\s+/g, '').toUpperCase();
  return (clean.match(/.{1,4}/g) ?? []).join(' ');
}

/** Whether a refused request means the code typed is spent (clear it) rather than a failure to retry as is. */
export function codeRefused(error: unknown): boolean {
  return error instanceof ApiProblem && error.status < 500 && error.status !== 429;
}
