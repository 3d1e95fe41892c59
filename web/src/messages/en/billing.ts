// Billing: quotes to authorise or decline, invoices with their PDFs, and the activity and spend panels.
type QuoteState = 'draft' | 'sent' | 'authorised' | 'declined' | 'expired';
type QuoteFilter = 'sent' | 'authorised' | 'declined';
type InvoiceStatus = 'unpaid' | 'paid' | 'void';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const billing = {
  nav: { quotes: 'Quotes', invoices: 'Invoices' },

  quoteStatus: {
    draft: 'Draft',
    sent: 'Awaiting decision',
    authorised: 'Authorised',
    declined: 'Declined',
    expired: 'Expired',
  } satisfies Record<QuoteState, string>,
  invoiceStatus: {
    unpaid: 'Unpaid',
    paid: 'Paid',
    void: 'Void',
    overdue: 'Overdue',
  } satisfies Record<InvoiceStatus | 'overdue', string>,
  kind: { defect: 'Defect repair', service: 'Service' },

  quotes: {
    title: 'Quotes',
    intro: 'Quotes we sent your company. Someone with the authority to do so authorises or declines each one.',
    filterLegend: 'Quotes to show',
    filter: { sent: 'Awaiting decision', authorised: 'Authorised', declined: 'Declined' } satisfies Record<QuoteFilter, string>,
    caption: (filter: QuoteFilter, page: number) =>
      `${{ sent: 'Quotes awaiting a decision, newest first', authorised: 'Authorised quotes, newest first', declined: 'Declined quotes, newest first' }[filter]}${page > 1 ? `, page ${page}` : ''}`,
    empty: {
      sent: 'No quotes are waiting for a decision.',
      authorised: 'No quotes have been authorised yet.',
      declined: 'No quotes have been declined.',
    } satisfies Record<QuoteFilter, string>,
    columns: {
      number: 'Quote',
      title: 'Title',
      site: 'Property',
      validUntil: 'Valid until',
      decided: 'Decided',
      total: 'Total',
      status: 'Status',
    },
    expiredHint: 'Expired quotes can no longer be authorised. Ask us for a new quote if you still need the work.',
  },

  quote: {
    loadingTitle: 'Quote',
    notFoundTitle: 'Quote not found',
    notFoundBody: 'There is no such quote for your company. It may have been withdrawn.',
    backToList: 'All quotes',
    title: (number: string, title: string) => `${number}: ${title}`,
    details: 'Details',
    number: 'Quote number',
    site: 'Property',
    status: 'Status',
    kind: 'Kind',
    sentOn: 'Sent',
    validUntil: 'Valid until',
    defects: 'Defects it repairs',
    defectCount: (n: number) => plural(n, 'defect', 'defects'),
    description: 'Description',
    lines: 'What is quoted',
    linesCaption: (number: string) => `Lines of quote ${number}`,
    columns: { description: 'Description', quantity: 'Quantity', unitPrice: 'Unit price', amount: 'Amount' },
    subtotal: 'Subtotal',
    tax: (rate: string) => `Tax (${rate})`,
    total: 'Total',
    decision: 'Decision',
    authorisedBy: 'Authorised by',
    declinedBy: 'Declined by',
    decidedOn: 'On',
    orderNumber: 'Order number',
    note: 'Note',
    noOrderNumber: 'None given',
    expired: (date: string) => `This quote expired on ${date} and can no longer be authorised. Ask us for a new quote if you still need the work.`,
    noAuthority:
      'Someone at your company with the authority to authorise quotes must decide this one. Your account manager can tell you who holds it, or grant it to you.',
  },

  decide: {
    title: 'Your decision',
    intro: 'Authorise the quote to have the work booked, or decline it. A decision cannot be changed afterwards.',
    authoriseTitle: 'Authorise',
    declineTitle: 'Decline',
    fields: {
      name: 'Your name',
      order_number: 'Order number',
      note: 'Note',
    },
    nameHint: 'The name you sign the decision with.',
    orderHint: 'Your purchase order number, if your company uses them.',
    declineNoteHint: 'Why, if you would like to tell us.',
    required: (label: string) => `${label} is required.`,
    authorise: 'Authorise…',
    decline: 'Decline…',
    confirmAuthoriseTitle: (number: string) => `Authorise quote ${number}?`,
    confirmDeclineTitle: (number: string) => `Decline quote ${number}?`,
    confirmAuthorise: (total: string, name: string) => `You authorise the work for ${total}, signed as ${name}.`,
    confirmDecline: (name: string) => `You decline the quote, signed as ${name}.`,
    final: 'This cannot be changed afterwards.',
    confirmAuthoriseButton: 'Authorise quote',
    confirmDeclineButton: 'Decline quote',
    authorised: (number: string) => `You authorised quote ${number}. We will be in touch to book the work.`,
    declined: (number: string) => `You declined quote ${number}.`,
  },

  invoices: {
    title: 'Invoices',
    intro: 'Your company’s invoices. Overdue invoices are marked; open an invoice’s PDF where we attached one.',
    filterLegend: 'Invoices to show',
    filter: { unpaid: 'Unpaid', paid: 'Paid', void: 'Void' } satisfies Record<InvoiceStatus, string>,
    caption: (filter: InvoiceStatus, page: number) =>
      `${{ unpaid: 'Unpaid invoices, earliest due first', paid: 'Paid invoices, newest first', void: 'Void invoices, newest first' }[filter]}${page > 1 ? `, page ${page}` : ''}`,
    empty: {
      unpaid: 'No invoices are waiting to be paid.',
      paid: 'No invoices have been paid yet.',
      void: 'No invoices have been voided.',
    } satisfies Record<InvoiceStatus, string>,
    columns: {
      number: 'Invoice',
      site: 'Property',
      issued: 'Issued',
      due: 'Due',
      paid: 'Paid',
      total: 'Total',
      status: 'Status',
      pdf: 'PDF',
    },
    openPdf: 'Open PDF',
    openPdfLabel: (number: string) => `Open the PDF of ${number}`,
    opening: 'Opening…',
    noPdf: 'None',
  },

  site: {
    quotes: 'Quotes',
    invoices: 'Invoices',
    allQuotes: 'All quotes',
    allInvoices: 'All invoices',
  },

  attention: {
    overdueInvoices: 'Overdue invoices',
    quotesAwaiting: 'Quotes awaiting a decision',
    overdueLink: (n: number, site: string) => `${plural(n, 'overdue invoice', 'overdue invoices')} at ${site}`,
    quotesLink: (n: number, site: string) => `${plural(n, 'quote awaits', 'quotes await')} a decision at ${site}`,
    siteOverdue: (n: number) => (n === 0 ? 'No invoice is overdue.' : `${plural(n, 'invoice is', 'invoices are')} overdue.`),
    siteQuotes: (n: number) => (n === 0 ? 'No quote awaits a decision.' : `${plural(n, 'quote awaits', 'quotes await')} a decision.`),
  },

  activity: {
    title: 'Quotes and invoices',
    intro: 'What is waiting on your company across every property.',
    quotesAwaiting: 'Quotes awaiting a decision',
    quotesExpired: 'Quotes expired without a decision',
    invoicesOverdue: 'Invoices overdue',
    invoicesDue: 'Invoices due, not yet overdue',
    valueAwaiting: 'Value of quotes awaiting',
    valueExpired: 'Value of expired quotes',
    owedOverdue: 'Owed, overdue',
    owedDue: 'Owed, not yet due',
    amountsCaption: 'Amounts by currency',
    currency: 'Currency',
    nothing: 'Nothing',
    seeQuotes: 'See the quotes',
    seeInvoices: 'See the invoices',
  },

  spend: {
    title: 'Spend',
    intro: 'What we invoiced each month over the last 12 months (void invoices left out). The chart has a table with the same figures.',
    caption: 'Invoiced per month, last 12 months',
    month: 'Month issued',
    axis: (currency: string) => `Invoiced (${currency})`,
    chartLoading: 'Loading the chart…',
    empty: 'Nothing was invoiced in the last 12 months.',
    summary: (first: string, last: string, total: string) => `Invoiced per month, ${first} to ${last}: ${total} in all.`,
  },
};
