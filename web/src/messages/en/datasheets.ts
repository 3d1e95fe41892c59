// Data sheets: the list, starting one, the generated form, the layout view, save and submit.
export const datasheets = {
  title: 'Data sheets',
  start: {
    heading: 'Start a data sheet',
    template: 'Template',
    button: 'Start',
    none: 'No data sheet templates are available to your company yet.',
  },
  table: {
    caption: 'Your company’s data sheets, newest first',
    template: 'Template',
    status: 'Status',
    createdBy: 'Created by',
    created: 'Created',
    submitted: 'Submitted',
    ticket: 'Ticket',
  },
  empty: 'Your company has no data sheets yet. Start one from a template.',
  status: { draft: 'Draft', submitted: 'Submitted' } as Record<'draft' | 'submitted', string>,
  ticketNumber: (n: number) => `#${n}`,
  ticketLink: (n: number) => `Ticket #${n}`,
  facts: {
    heading: 'About this sheet',
    status: 'Status',
    createdBy: 'Created by',
    created: 'Created',
    updated: 'Last saved',
    submitted: 'Submitted',
    submittedBy: 'Submitted by',
    ticket: 'Ticket',
  },
  sheet: {
    fieldsHeading: 'Fields',
    requiredNote: 'Fields marked * are needed to submit the sheet.',
    save: 'Save draft',
    saved: 'Draft saved.',
    submit: 'Submit',
    confirmTitle: 'Submit this data sheet?',
    confirmBody:
      'Once submitted the sheet is locked and can no longer be changed. A ticket is raised with its values, and we are notified.',
    confirm: 'Submit the sheet',
    submittedWithTicket: (n: number) => `The sheet was submitted and ticket #${n} was raised.`,
    submitted: 'The sheet was submitted.',
    locked: 'This sheet has been submitted and is locked. If it needs a correction, ask us to unlock it.',
    stale:
      'This sheet was changed elsewhere since you opened it (perhaps in its layout window). Reload it to see the latest values; changes made here since your last save will be lost.',
    reload: 'Reload the sheet',
    openLayout: 'Open in layout view',
    layoutHint: 'The sheet in its designed layout, in a new window.',
    unsaved: 'You have unsaved changes.',
    notAnswered: 'Not answered',
  },
  layout: {
    otherFields: 'Other fields',
    standardView: 'Open the standard view',
  },
  field: {
    required: '(required)',
    maxLength: (n: string) => `Up to ${n} characters.`,
    number: (min: string | null, max: string | null, integer: boolean) => {
      const what = integer ? 'A whole number' : 'A number';
      if (min !== null && max !== null) return `${what} from ${min} to ${max}.`;
      if (min !== null) return `${what} of at least ${min}.`;
      if (max !== null) return `${what} up to ${max}.`;
      return integer ? `${what}.` : '';
    },
  },
};
