import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';

/**
 * The token an emailed link carries as the last segment of its path (`<base>/<token>`, a `<base>/*` route),
 * read once and then removed from the address bar (a history `replaceState` to `<base>`), as the query
 * string's token is. It lives in memory only: after a reload the link has to be opened again.
 */
export function useTokenFromPath(base: string): string | null {
  const rest = useParams()['*'] ?? '';
  const navigate = useNavigate();
  const [token] = useState(() => rest || null);
  useEffect(() => {
    if (rest) void navigate(base, { replace: true });
  }, [rest, base, navigate]);
  return token;
}
