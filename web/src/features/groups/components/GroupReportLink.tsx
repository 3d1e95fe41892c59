import type { MouseEvent } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useSwitchView, useViewedCustomer } from '../api';

/**
 * The whole group's activity report. It is asked of the contact's own portal: from another company's, the
 * link switches back to their own first (the report's calls are sent without the view header in any case).
 */
export function GroupReportLink() {
  const viewed = useViewedCustomer();
  const switchView = useSwitchView();
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!viewed) return;
    e.preventDefault();
    switchView(null, paths.groupReport);
  };
  return (
    <p>
      <Link to={paths.groupReport} onClick={open}>
        {m.groups.page.report}
      </Link>
    </p>
  );
}
