import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useModules } from '../useModules';
import { useSiteName } from '../api';

/** The property a quote or invoice is for, linked to its page (when the company has the sites module). */
export function SiteName({ siteId }: { siteId: string }) {
  const sitesOn = useModules().includes('sites');
  const name = useSiteName(siteId, sitesOn);
  if (!sitesOn || name.isError) return <span className="muted">{m.common.none}</span>;
  if (!name.data) return <span className="muted">{m.common.loading}</span>;
  return <Link to={paths.site(siteId)}>{name.data}</Link>;
}
