import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The `token` of an emailed link, read once and then removed from the address bar (a history
 * `replaceState`), so it does not stay in the address, the history or a screenshot. It lives in memory only:
 * after a reload the link has to be opened again.
 */
export function useTokenFromAddress(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => new URLSearchParams(location.search).get('token'));
  const hasToken = new URLSearchParams(location.search).has('token');
  useEffect(() => {
    if (!hasToken) return;
    const rest = new URLSearchParams(location.search);
    rest.delete('token');
    const search = rest.toString();
    void navigate({ pathname: location.pathname, search: search ? `?${search}` : '', hash: location.hash }, { replace: true });
  }, [hasToken, location.pathname, location.search, location.hash, navigate]);
  return token;
}
