import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { ApiProblem } from '../../../lib/problem';

/** An emailed link's token was refused: unknown, used, expired, or its contact no longer waits for it. */
export function isBadToken(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 422 && error.errors.some((e) => e.field === 'token');
}

/** Why the emailed link does not work, and where to go instead. */
export function BadLink({ text, links }: { text: string; links: { to: string; label: string }[] }) {
  return (
    <>
      <div className="alert alert-error" role="alert">
        <p>{text}</p>
      </div>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to}>{l.label}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export const signInLink = (label: string) => ({ to: paths.signIn, label });
