// The billing feature's public face: what other parts of the app may use. Its pages only, each a chunk of
// its own; the parts other pages show (a property's quotes and invoices, the panels) are in `./parts`, so
// that the app's entry, which imports this file, carries none of them.
import { lazy } from 'react';

export const QuoteListPage = lazy(() => import('./pages/QuoteListPage'));
export const QuotePage = lazy(() => import('./pages/QuotePage'));
export const InvoiceListPage = lazy(() => import('./pages/InvoiceListPage'));
