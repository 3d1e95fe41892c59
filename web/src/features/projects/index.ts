// Projects' public face: what other parts of the app may use. Its pages, each a chunk of its own.
import { lazy } from 'react';

export { projectKeys } from './api';

export const ProjectListPage = lazy(() => import('./pages/ProjectListPage'));
export const ProjectPage = lazy(() => import('./pages/ProjectPage'));
