// The knowledge base's public face: what other parts of the app may use. Its pages, each a chunk of its own.
import { lazy } from 'react';

/** The query keys, shared with home's latest articles. */
export { articleKeys } from './api';

export const HelpPage = lazy(() => import('./pages/HelpPage'));
export const ArticlePage = lazy(() => import('./pages/ArticlePage'));
