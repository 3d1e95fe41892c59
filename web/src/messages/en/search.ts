// Search: one box over the portal's tickets, documents, help articles, data sheets, properties, assets,
// defects, quotes, invoices and jobs.
type SearchKind =
  | 'ticket'
  | 'document'
  | 'article'
  | 'data_sheet'
  | 'site'
  | 'asset'
  | 'defect'
  | 'quote'
  | 'invoice'
  | 'job';

export const search = {
  title: 'Search',
  intro:
    'Find tickets, documents, help articles, data sheets, properties, assets, defects, quotes, invoices and jobs. Every word you type must begin a word of what you are looking for.',
  label: 'Search',
  hint: 'For example “acme house” or “ext first”.',
  submit: 'Search',
  kindLabel: 'Show',
  /** The kind filter's choices: everything, or one kind. */
  filter: {
    all: 'All',
    ticket: 'Tickets',
    document: 'Documents',
    article: 'Help articles',
    data_sheet: 'Data sheets',
    site: 'Properties',
    asset: 'Assets',
    defect: 'Defects',
    quote: 'Quotes',
    invoice: 'Invoices',
    job: 'Jobs',
  } satisfies Record<SearchKind | 'all', string>,
  /** A result's badge: what it is. */
  kind: {
    ticket: 'Ticket',
    document: 'Document',
    article: 'Help article',
    data_sheet: 'Data sheet',
    site: 'Property',
    asset: 'Asset',
    defect: 'Defect',
    quote: 'Quote',
    invoice: 'Invoice',
    job: 'Job',
  } satisfies Record<SearchKind, string>,
  oneSite: 'Only results on one property are shown.',
  allSites: 'Search all properties',
  tooShort: 'Type a word of at least two letters, or a number.',
  results: 'Results',
  count: (n: number, q: string) => (n === 1 ? `One result for “${q}”` : `${n} results for “${q}”`),
  empty: (q: string) => `No results for “${q}”.`,
  emptyHint: 'Check the spelling, use fewer words, or choose All.',
  partial: 'Some matches may be missing: one of your words matches too many records. Add a word or type more of one to narrow the search.',
  limited: (n: number) => `Only the best ${n} matches are shown. Add a word to narrow the search.`,

  header: {
    landmark: 'Portal search',
    label: 'Search the portal',
    placeholder: 'Search…',
    submit: 'Search',
  },
};
