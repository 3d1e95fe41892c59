import { paths } from '../../lib/paths';
import type { SearchResult } from './api';

/**
 * Where a result opens: a ticket, help article, data sheet, property, quote or job its page; a document the
 * documents with its folder open (its detail is the folder); an asset or a defect the page of its property
 * (they have no page of their own); an invoice the invoices list (invoices have no page).
 */
export function resultPath(result: SearchResult): string {
  switch (result.kind) {
    case 'ticket':
      return paths.ticket(result.id);
    case 'document':
      return result.detail ? paths.documentsIn(result.detail) : paths.documents;
    case 'article':
      return paths.article(result.id);
    case 'data_sheet':
      return paths.datasheet(result.id);
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
