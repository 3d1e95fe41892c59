// The knowledge base ("Help"): articles by category, keyword search, one article and "was this helpful?".
export const articles = {
  nav: 'Help',
  title: 'Help articles',
  intro: 'Answers to common questions: how to use the portal, and what to do on site before you call us.',

  categories: {
    title: 'Categories',
    all: 'All articles',
    /** A category's link: its name and how many articles it holds (the count is said in words too). */
    count: (n: number) => (n === 1 ? '1 article' : `${n} articles`),
  },

  search: {
    landmark: 'Search help articles',
    label: 'Keyword',
    hint: 'A word from the title or the text, for example “boiler”.',
    submit: 'Search',
    clear: 'Clear the search',
    tooShort: 'Type a keyword of at least two characters.',
    tooLong: 'Type a keyword of at most 100 characters.',
  },

  list: {
    label: 'Articles',
    heading: (category: string | null, q: string | null) =>
      q ? (category ? `Articles in ${category} matching “${q}”` : `Articles matching “${q}”`) : category ? `Articles in ${category}` : 'All articles',
    empty: (q: string | null) => (q ? `No articles match “${q}”.` : 'No articles match.'),
    emptyHint: 'Try another word, or look in all categories.',
    allCategories: 'Show all categories',
    published: 'Published ',
    more: 'More articles',
    loadingMore: 'Loading more articles…',
  },

  article: {
    loadingTitle: 'Help article',
    notFoundTitle: 'Article not found',
    notFoundBody: 'There is no such article, or it is not available to your company.',
    backToList: 'All help articles',
    category: 'Category',
    published: 'Published',
    updated: 'Updated',
  },

  vote: {
    title: 'Was this helpful?',
    yes: 'Yes',
    no: 'No',
    thanks: 'Thank you for your answer.',
    already: 'You have already answered for this article.',
    mine: (helpful: boolean) => (helpful ? 'You found this helpful.' : 'You found this not helpful.'),
  },

  home: {
    title: 'Latest help articles',
    none: 'There are no help articles yet.',
    all: 'All help articles',
  },
};
