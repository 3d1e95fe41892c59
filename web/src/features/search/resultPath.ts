import { paths } from '../../lib/paths';
import type { SearchResult } from './api';

/**
 * Where a result opens: a property its page; an asset or a defect the page of its property (they have no
 * page of their own); a quote or a job its page; an invoice the invoices list (invoices have no page).
 */
export function resultPath(result: SearchResult): string {
  switch (result.kind) {
    case 'site':
      return paths.site(result.id);
    case 'asset':
    case 'defect':
      return result.site_id ? paths.site(result.site_id) : paths.sites;
    case 'quote':
      return paths.quote(result.id);
    case 'invoice':
      return paths.invoices;
    case 'job':
      return paths.job(result.id);
  }
}
