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
    report: 'Group activity report',
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
  map: {
    title: 'Map of the group’s properties',
    hint: 'Each pin is a property of one of the group’s companies, coloured and sized by its worst open defect; its popup names the company, and its link opens the property in that company’s portal. Drag or use the arrow keys to move the map, + and − to zoom. The table below lists the properties too.',
    loading: 'Loading the group’s map…',
    empty: 'None of the group’s properties has a position on the map yet.',
    failed: (company: string) => `The map of ${company}’s properties could not be read.`,
  },
  properties: {
    title: 'Properties of the group',
    intro: 'Each property opens in its company’s portal.',
    caption: (group: string) => `Properties of ${group}`,
    columns: {
      company: 'Company',
      property: 'Property',
      attention: 'Open defects needing attention',
      worst: 'Worst open defect',
      quotes: 'Quotes awaiting',
      overdue: 'Overdue invoices',
    },
    loading: 'Loading the group’s properties…',
    empty: 'None of the group’s companies has properties to list yet.',
    failed: (company: string) => `${company}’s properties could not be read.`,
    more: (company: string, n: number) => `Only the first ${n} of ${company}’s properties are listed here.`,
    openAll: 'Open this company’s properties',
    openAllLabel: (company: string) => `Open ${company}’s properties`,
  },
};
