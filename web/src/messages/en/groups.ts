// Client groups: the switcher between the group's customers' portals, the banner while viewing another
// customer's, and the whole-group page.
export const groups = {
  switcher: {
    button: (company: string) => `Portal: ${company}`,
    label: (company: string) => `Switch portal (now viewing ${company})`,
    menu: 'Portals of your group',
    wholeGroup: (group: string) => `Whole group (${group})`,
    own: (company: string) => `${company} (your company)`,
  },
  banner: {
    viewing: (company: string, group: string) => `Viewing ${company} — part of ${group}`,
    readOnly:
      'Here you can read everything, decide quotes and update assets. Tickets, uploads, data sheets and contacts are added in each company’s own portal.',
    back: (company: string) => `Back to ${company}`,
    label: 'Portal in view',
  },
  ownCompanyDetails: (company: string) =>
    `These are the details of your own company, ${company}, whichever portal of your group is in view.`,
  readOnlyNote: (company: string) =>
    `You are viewing ${company}’s portal: this can only be done in a company’s own portal.`,
  page: {
    title: 'Whole group',
    intro: (group: string) => `The companies of ${group}, with what needs attention in each.`,
    caption: (group: string) => `Companies of ${group}`,
    columns: {
      company: 'Company',
      defects: 'Open defects',
      quotes: 'Quotes awaiting',
      overdue: 'Overdue invoices',
      portal: 'Portal',
    },
    own: 'Your company',
    viewing: 'Viewing now',
    view: 'View this company’s portal',
    viewLabel: (company: string) => `View ${company}’s portal`,
    empty: 'Your group has no companies yet.',
    none: 'You do not belong to a client group.',
  },
};
