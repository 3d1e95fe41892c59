import { useId } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../../components/QueryState';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { HOME_SITES, useFirstSites } from '../api';
import { SiteTable } from './SiteTable';

interface Props {
  /** Columns of the billing modules the company has on: quotes awaiting, overdue invoices. */
  quotesOn: boolean;
  invoicesOn: boolean;
}

/**
 * The home page's properties panel (module `sites`): the first properties by name with their counts, each
 * figure a link to the list behind it, and the way to all of them. One request, `/portal/sites?limit=10`.
 */
export function SitesPanel({ quotesOn, invoicesOn }: Props) {
  const t = m.sites.homePanel;
  const headingId = useId();
  const sites = useFirstSites(HOME_SITES);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <QueryState query={sites}>
        {(data) => <SiteTable sites={data.items} page={1} quotesOn={quotesOn} invoicesOn={invoicesOn} />}
      </QueryState>
      <p>
        <Link to={paths.sites}>{t.all}</Link>
      </p>
    </section>
  );
}
