// The English catalogue: every text the app shows. Each feature keeps its section in a file of its own;
// a translation is another folder with the same shape (type `Messages`).
import { articles } from './articles';
import { billing } from './billing';
import { common } from './common';
import { datasheets } from './datasheets';
import { documents } from './documents';
import { field } from './field';
import { groups } from './groups';
import { auth } from './auth';
import { customers } from './customers';
import { home } from './home';
import { jobs } from './jobs';
import { news } from './news';
import { projects } from './projects';
import { reports } from './reports';
import { search } from './search';
import { sites } from './sites';
import { workflows } from './workflows';
import { tickets } from './tickets';

export const en = {
  articles,
  billing,
  common,
  datasheets,
  documents,
  field,
  groups,
  auth,
  customers,
  home,
  jobs,
  workflows,
  news,
  projects,
  reports,
  search,
  sites,
  tickets,
};
