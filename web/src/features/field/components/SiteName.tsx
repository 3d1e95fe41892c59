import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useMe } from '../../customers';
import { useSiteName } from '../api';

/** The property a job is at, linked to its page (when the company has the sites module). */
export function SiteName({ siteId }: { siteId: string }) {
  const sitesOn = useMe().data?.modules.includes('sites') ?? false;
  const name = useSiteName(siteId, sitesOn);
  if (!sitesOn || name.isError) return <span className="muted">{m.common.none}</span>;
  if (!name.data) return <span className="muted">{m.common.loading}</span>;
  return <Link to={paths.site(siteId)}>{name.data}</Link>;
}
