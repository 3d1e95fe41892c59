import { paths } from '../../../lib/paths';

/**
 * Where to go after signing in: the `next` address only when it is a path of this app (one leading `/`,
 * never `//host`, `/\host`, a scheme or control characters, and not the API's prefixes); home otherwise.
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || raw.length > 2000) return paths.home;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return paths.home;
  // Backslashes and control characters are read as slashes or dropped by browsers: refuse them outright.
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return paths.home;
  let url: URL;
  try {
    url = new URL(raw, 'https://portal.invalid');
  } catch {
    return paths.home;
  }
  if (url.origin !== 'https://portal.invalid') return paths.home;
  if (/^\/(portal|admin)(\/|$)/.test(url.pathname) || url.pathname === paths.signIn) return paths.home;
  return url.pathname + url.search + url.hash;
}
