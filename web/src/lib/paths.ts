// The app's own addresses, in one place. None starts with /portal or /admin: those are the API's.
export const paths = {
  home: '/',
  signIn: '/sign-in',
  activate: '/activate',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  /** Where an email's unsubscribe link lands (`/unsubscribe/<token>`); the token is then taken out of the address. */
  unsubscribe: '/unsubscribe',
  account: '/account',
  group: '/group',
  company: '/company',
  contacts: '/contacts',
  tickets: '/tickets',
  newTicket: '/tickets/new',
  ticket: (id: string) => `/tickets/${encodeURIComponent(id)}`,
  dashboard: '/dashboard',
  jobs: '/jobs',
  job: (id: string) => `/jobs/${encodeURIComponent(id)}`,
  workflows: '/workflows',
  workflow: (id: string) => `/workflows/${encodeURIComponent(id)}`,
  datasheets: '/data-sheets',
  datasheet: (id: string) => `/data-sheets/${encodeURIComponent(id)}`,
  datasheetLayout: (id: string) => `/data-sheets/${encodeURIComponent(id)}/layout`,
  sites: '/sites',
  site: (id: string) => `/sites/${encodeURIComponent(id)}`,
  documents: '/documents',
  /** The documents with one folder (and the folders above it) open. */
  documentsIn: (folder: string) => `/documents?folder=${encodeURIComponent(folder)}`,
  quotes: '/quotes',
  quotesIn: (status: string) => `/quotes?status=${encodeURIComponent(status)}`,
  quote: (id: string) => `/quotes/${encodeURIComponent(id)}`,
  invoices: '/invoices',
  invoicesIn: (status: string) => `/invoices?status=${encodeURIComponent(status)}`,
  siteSection: (id: string, section: 'quotes' | 'invoices') => `/sites/${encodeURIComponent(id)}#${section}`,
  uploadDocument: '/documents?upload=1',
  routine: '/routine',
  routineIn: (month: string) => `/routine?month=${encodeURIComponent(month)}`,
  serviceCalls: '/service-calls',
  serviceCallsIn: (month: string, stage?: string | null) =>
    `/service-calls?month=${encodeURIComponent(month)}${stage ? `&stage=${encodeURIComponent(stage)}` : ''}`,
  reports: '/reports',
  reportIn: (month: string) => `/reports?month=${encodeURIComponent(month)}`,
  /** The whole client group's activity report (asked of the contact's own portal). */
  groupReport: '/reports?group=1',
  routineReport: '/reports/routine',
  /** Where the monthly email's link lands: the month it stands for, then that month's report. */
  mailedReport: (link: string) => `/reports/mailed/${encodeURIComponent(link)}`,
  search: '/search',
  searchFor: (q: string) => `/search?q=${encodeURIComponent(q)}`,
  /** The knowledge base: every article, or one category's and/or those matching a keyword. */
  help: '/help',
  helpIn: (category: string | null, q?: string | null) => {
    const query = new URLSearchParams();
    if (category) query.set('category', category);
    if (q) query.set('q', q);
    const s = query.toString();
    return s ? `/help?${s}` : '/help';
  },
  article: (id: string) => `/help/${encodeURIComponent(id)}`,
  projects: '/projects',
  project: (id: string) => `/projects/${encodeURIComponent(id)}`,
} as const;
