// Tickets: the list and its export, a new ticket, a ticket with its conversation, and the dashboard.
type Status = 'new' | 'in_progress' | 'waiting_on_customer' | 'closed';
type Type = 'incident' | 'request' | 'question' | 'fault';
type Priority = 'low' | 'normal' | 'high' | 'urgent';
type NoteKind = 'contact' | 'public' | 'email' | 'internal';
type Score = 1 | 2 | 3 | 4 | 5;
type SlaState = 'met' | 'missed' | 'pending' | 'overdue';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const tickets = {
  status: {
    new: 'New',
    in_progress: 'In progress',
    waiting_on_customer: 'Waiting on you',
    closed: 'Closed',
  } satisfies Record<Status, string>,
  type: {
    incident: 'Incident',
    request: 'Request',
    question: 'Question',
    fault: 'Fault',
  } satisfies Record<Type, string>,
  priority: {
    low: 'Low',
    normal: 'Normal',
    high: 'High',
    urgent: 'Urgent',
  } satisfies Record<Priority, string>,

  /** The mark of a ticket only its raiser and staff see: always in words, with a lock drawn beside. */
  confidential: 'Confidential',

  list: {
    title: 'Tickets',
    newTicket: 'New ticket',
    filters: 'Filter tickets',
    statusLegend: 'Status',
    open: 'Open',
    closed: 'Closed',
    scopeLegend: 'Whose tickets',
    mine: 'Mine',
    all: 'All',
    search: 'Search subjects',
    searchButton: 'Search',
    clearSearch: 'Clear search',
    caption: (status: 'open' | 'closed', scope: 'mine' | 'all' | null, q: string) =>
      [
        status === 'open' ? 'Open tickets' : 'Closed tickets',
        scope === 'mine' ? 'raised by you' : scope === 'all' ? 'of your company' : null,
        q ? `with “${q}” in the subject` : null,
      ]
        .filter(Boolean)
        .join(' '),
    columns: {
      number: 'Number',
      subject: 'Subject',
      status: 'Status',
      contact: 'Raised by',
      created: 'Created',
      closed: 'Closed',
    },
    shown: (n: number, more: boolean) => `${plural(n, 'ticket', 'tickets')} shown${more ? ', more on the next page' : ''}.`,
    empty: (status: 'open' | 'closed', q: string) =>
      q
        ? `No ${status} tickets have “${q}” in their subject.`
        : status === 'open'
          ? 'There are no open tickets. Raise a new ticket when you need help.'
          : 'There are no closed tickets yet.',
    export: 'Export CSV',
    exporting: 'Exporting…',
    exported: (name: string) => `Downloaded ${name}.`,
  },

  create: {
    title: 'New ticket',
    subject: 'Subject',
    description: 'Description',
    descriptionHint: 'What happened, where, and what you expected. Add any error messages you saw.',
    type: 'Type',
    priority: 'Priority',
    confidential: 'Confidential',
    confidentialHint: 'Only you and our staff will see this ticket, not your colleagues.',
    submit: 'Raise ticket',
    cancel: 'Cancel',
    required: {
      subject: 'Enter a subject.',
      description: 'Describe the problem or request.',
    },
  },

  detail: {
    title: (number: number, subject: string) => `Ticket ${number}: ${subject}`,
    loadingTitle: 'Ticket',
    notFoundTitle: 'Ticket not found',
    notFound:
      'There is no ticket at this address that you can see. It may have been removed, or it belongs to someone else.',
    backToList: 'Back to tickets',
    facts: 'Details',
    number: 'Number',
    status: 'Status',
    type: 'Type',
    priority: 'Priority',
    contact: 'Raised by',
    created: 'Created',
    closed: 'Closed',
    notClosed: 'Not closed',
    description: 'Description',
    conversation: 'Conversation',
    noConversation: 'No messages yet.',
    kind: (kind: NoteKind, mine: boolean) =>
      kind === 'contact'
        ? mine
          ? 'Note from you'
          : 'Note from your colleague'
        : kind === 'email'
          ? 'Email from support'
          : 'Reply from support',
    by: (author: string) => `by ${author}`,
    addNote: 'Add a note',
    note: 'Your note',
    noteHint: 'Support sees your note, and so do colleagues who can see this ticket.',
    addNoteButton: 'Add note',
    noteAdded: 'Your note was added.',
    noteRequired: 'Write a note first.',
    closedNoNotes: 'This ticket is closed, so notes can no longer be added. Raise a new ticket if you need more help.',
    close: 'Close ticket',
    closeTitle: 'Close this ticket?',
    closeBody: 'Close it when you need no more help with it. Support will see that you closed it.',
    closeConfirm: 'Close ticket',
    closedNow: 'The ticket is closed.',
    edit: {
      button: 'Edit',
      title: 'Edit ticket',
      subject: 'Subject',
      description: 'Description',
      save: 'Save',
      cancel: 'Cancel',
      saved: 'Your changes were saved.',
      required: {
        subject: 'Enter a subject.',
        description: 'Describe the problem or request.',
      },
    },
    attachments: {
      title: 'Files',
      empty: 'No files attached yet.',
      label: 'Files attached to this ticket',
      hint: 'PDF, text, images (PNG, JPEG, GIF, WebP), Word, Excel, CSV or ZIP, up to 25 MB. Support and everyone who can see this ticket can open it.',
    },
    confidentiality: {
      title: 'Who can see it',
      confidential: 'This ticket is confidential: only you and our staff can see it.',
      shared: 'Colleagues who can see all your company’s tickets can see this ticket too.',
      mark: 'Mark confidential',
      unmark: 'Share with colleagues',
      marked: 'The ticket is now confidential.',
      unmarked: 'The ticket is shared with your colleagues again.',
    },
    sla: {
      title: 'Service levels',
      intro: 'The times we aim to meet for a ticket of this priority.',
      target: 'Target',
      due: 'Due',
      state: 'State',
      response: 'First response',
      resolution: 'Resolution',
      states: {
        met: 'Met',
        missed: 'Missed',
        pending: (due: string) => `Due by ${due}`,
        overdue: 'Overdue',
      } satisfies Record<SlaState, string | ((due: string) => string)>,
      doneAt: (date: string) => `Done ${date}`,
    },
    reopen: {
      title: 'Reopen',
      until: (date: string) => `You can reopen this ticket until ${date}.`,
      button: 'Reopen ticket',
      reopened: 'The ticket is open again.',
    },
    rating: {
      title: 'Rate this ticket',
      intro: 'How satisfied are you with how this ticket was handled?',
      legend: 'Your satisfaction',
      scores: {
        1: '1 – Very dissatisfied',
        2: '2 – Dissatisfied',
        3: '3 – Neither satisfied nor dissatisfied',
        4: '4 – Satisfied',
        5: '5 – Very satisfied',
      } satisfies Record<Score, string>,
      comment: 'Comment (optional)',
      commentHint: 'What went well, or what could have gone better.',
      submit: 'Submit rating',
      scoreRequired: 'Choose how satisfied you are.',
      thanks: 'Thank you for your rating.',
      yourRating: 'Your rating',
      rated: (score: number) => `You rated this ticket ${score} out of 5`,
      ratedAt: (date: string) => `Rated on ${date}.`,
    },
  },

  dashboard: {
    title: 'Ticket dashboard',
    intro: 'Your company’s tickets at a glance. Each chart has a table with the same figures.',
    byStatus: 'Open tickets by status',
    byPriority: 'Open tickets by priority',
    perMonth: 'Tickets opened and closed per month',
    resolution: 'Mean resolution time by priority',
    status: 'Status',
    priority: 'Priority',
    month: 'Month',
    count: 'Open tickets',
    opened: 'Opened',
    closedCount: 'Closed',
    hours: 'Mean hours to resolve',
    tickets: 'Tickets resolved',
    noValue: 'No tickets resolved',
    total: 'Total',
    hoursAxis: 'Hours',
    satisfaction: {
      title: 'Customer satisfaction',
      ratings: 'Ratings',
      average: 'Average score',
      averageValue: (average: string) => `${average} out of 5`,
      none: 'No closed tickets have been rated yet.',
      intro: 'How your colleagues rated the handling of closed tickets, from 1 (very dissatisfied) to 5 (very satisfied).',
    },
    countAxis: 'Tickets',
    summary: {
      counts: (title: string, parts: string[]) => `${title}: ${parts.length ? parts.join(', ') : 'none'}.`,
      count: (label: string, n: string) => `${label} ${n}`,
      months: (title: string, first: string, last: string, opened: string, closed: string) =>
        `${title}, ${first} to ${last}: ${opened} opened and ${closed} closed in all.`,
      hours: (label: string, hours: string | null) => (hours === null ? `${label} none resolved` : `${label} ${hours} hours`),
    },
  },
};
