// Reports: the monthly activity report, its chart, per-property table, PDF and CSV.
export const reports = {
  nav: 'Reports',
  title: 'Activity report',
  intro: 'What happened across your properties in a month, with the five months before it for comparison.',
  month: 'Month',
  monthHint: 'Choose a month up to this one.',
  /** The header line under the title. */
  header: {
    customerMonth: (customer: string, month: string) => `${customer} · ${month}`,
    basis: (timeZone: string, asOf: string) => `Months in ${timeZone}, figures as of ${asOf}`,
    from: (business: string) => `From ${business}`,
  },
  empty: (month: string) => `Nothing happened in ${month}.`,
  updating: 'Updating the report…',
  loaded: (month: string) => `Activity report for ${month} shown.`,
  sections: {
    landmark: 'Figures for the month',
    figure: 'Figure',
    count: 'Count',
    amount: 'Amount',
    noAmount: '—',
  },
  trend: {
    title: 'Six months',
    caption: (first: string, last: string) => `Activity per month, ${first} to ${last}`,
    summary: (first: string, last: string, totals: string) =>
      `Bar chart of activity per month, ${first} to ${last}. Totals: ${totals}. The table beside it has every figure.`,
    month: 'Month',
    countAxis: 'Count',
    loading: 'Loading the chart…',
    none: 'No figures to chart for these months.',
  },
  sites: {
    title: 'Per property',
    caption: (month: string) => `Activity per property, ${month}`,
    property: 'Property',
    none: 'No property had any activity this month.',
    quiet: (n: number) =>
      n === 0 ? 'Every property had some activity this month.' : n === 1 ? '1 other property had no activity this month.' : `${n} other properties had no activity this month.`,
  },
  actions: {
    pdf: 'Open PDF',
    pdfOpening: 'Opening PDF…',
    pdfOpened: (month: string) => `The PDF of the report for ${month} opened in a new tab.`,
    csv: 'Download CSV',
    csvDownloading: 'Downloading CSV…',
    csvDone: (name: string) => `Downloaded ${name}.`,
  },
};
