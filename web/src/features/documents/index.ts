// The documents feature's public face: what other parts of the app may use.
import { lazy } from 'react';

/** The tree's query key, shared with home's recent documents so that an upload refreshes both. */
export { documentKeys } from './api';
/** Opening a document the way its link's disposition says (a tab, or a download), for home's list too. */
export { openLink } from './api';

export const DocumentsPage = lazy(() => import('./pages/DocumentsPage'));
