// The search feature's public face: what other parts of the app may use. Its page only, a chunk of its own;
// the header's box is in `./parts`, so that the app's entry, which imports this file, carries none of it.
import { lazy } from 'react';

export const SearchPage = lazy(() => import('./pages/SearchPage'));
