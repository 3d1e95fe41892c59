// Field service: the routine activities and service calls panels, the lists behind their figures, a
// property's field jobs and a job's field side.
type Outcome = 'on_time' | 'within_tolerance' | 'late' | 'missed' | 'pending';
type Stage = 'on_hold' | 'ready' | 'in_progress' | 'performed' | 'complete';

const plural = (n: string, count: number, one: string, many: string) => `${n} ${count === 1 ? one : many}`;
const withPage = (text: string, page: number) => (page > 1 ? `${text}, page ${page}` : text);

export const field = {
  outcome: {
    on_time: 'On time',
    within_tolerance: 'Within tolerance',
    late: 'Late',
    missed: 'Missed',
    pending: 'Pending',
  } satisfies Record<Outcome, string>,
  stage: {
    on_hold: 'On hold',
    ready: 'Ready',
    in_progress: 'In progress',
    performed: 'Performed',
    complete: 'Complete',
  } satisfies Record<Stage, string>,
  kind: {
    routine: 'Routine',
    reactive: 'Service call',
  },
  chartLoading: 'Loading the chart…',
  countAxis: 'Jobs',
  total: 'Total',
  month: 'Month',

  routinePanel: {
    title: 'Routine activities',
    intro: 'Routine maintenance due each month of the year, by how it was done. Choose a month in the table to list its work; the chart has a table with the same figures.',
    yearNav: 'Year shown',
    previousYear: (year: number) => `Previous year (${year})`,
    nextYear: (year: number) => `Next year (${year})`,
    showing: (year: number) => `Showing ${year}`,
    caption: (year: number) => `Routine work due each month of ${year}, by outcome`,
    monthDue: 'Month due',
    due: 'Due',
    monthLink: (month: string, n: string) => `${month}: ${n} due`,
    summary: (year: number, due: string, parts: string) =>
      due === '0' ? `No routine work was due in ${year}.` : `Routine work due each month of ${year}: ${due} due in all; ${parts}.`,
    empty: (year: number) => `No routine work is due in ${year}.`,
  },

  callsPanel: {
    title: 'Service calls',
    intro: 'Service calls logged each month over the last 12 months, by the stage they are at. Choose a figure in the table to list those calls; the chart has a table with the same figures.',
    caption: 'Service calls logged in the last 12 months, by stage',
    monthLogged: 'Month logged',
    cellLink: (n: string, stage: string, month: string) => `${n} ${stage.toLowerCase()}, ${month}`,
    monthLink: (month: string) => `All calls logged in ${month}`,
    summary: (first: string, last: string, total: string, parts: string) =>
      total === '0'
        ? `No service calls were logged from ${first} to ${last}.`
        : `Service calls logged per month, ${first} to ${last}: ${total} in all; ${parts}.`,
  },

  /** `2 on time, 1 late and 0 missed`. */
  joinParts: (parts: string[]) => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`),
  part: (n: string, label: string) => `${n} ${label.toLowerCase()}`,

  lists: {
    backToProperties: 'Back to properties',
    monthNav: 'Other months',
    previousMonth: (month: string) => `Previous month (${month})`,
    nextMonth: (month: string) => `Next month (${month})`,
    badMonth: 'That is not a month we can list. Choose a month from the panel on the properties page.',
  },

  routine: {
    title: 'Routine work',
    monthTitle: (month: string) => `Routine work due in ${month}`,
    intro: 'Each routine job due in the month, where it is, how it was done and when.',
    allIntro: 'Every routine job, latest month first.',
    caption: (page: number) => withPage('Routine work, by property', page),
    empty: 'No routine work is due in this month.',
    columns: {
      reference: 'Reference',
      site: 'Property',
      dueMonth: 'Month due',
      outcome: 'Outcome',
      performed: 'Performed',
    },
    notPerformed: 'Not yet',
  },

  calls: {
    title: 'Service calls',
    monthTitle: (month: string) => `Service calls logged in ${month}`,
    stageTitle: (month: string, stage: string) => `Service calls logged in ${month}: ${stage.toLowerCase()}`,
    intro: 'Each call logged in the month, where it is and the stage it is at.',
    allIntro: 'Every service call, latest month first.',
    stageLegend: 'Stage to show',
    allStages: 'All stages',
    caption: (page: number) => withPage('Service calls, newest first', page),
    empty: 'No service calls match.',
    columns: {
      reference: 'Reference',
      description: 'Description',
      site: 'Property',
      stage: 'Stage',
      logged: 'Logged',
      performed: 'Performed',
    },
    notPerformed: 'Not yet',
  },

  site: {
    title: 'Jobs',
    intro: 'Routine work and service calls at this property, newest first.',
    caption: (page: number) => withPage('Jobs at this property, newest first', page),
    empty: 'There are no field jobs at this property yet.',
    columns: {
      reference: 'Reference',
      description: 'Description',
      kind: 'Kind',
      stage: 'Stage',
      when: 'Due or logged',
      outcome: 'Outcome',
    },
    due: (month: string) => `Due ${month}`,
    logged: 'Logged',
  },

  facts: {
    title: 'Field service',
    site: 'Property',
    kind: 'Kind',
    stage: 'Stage',
    dueMonth: 'Month due',
    tolerance: 'Tolerance',
    toleranceDays: (n: number) =>
      n === 0 ? 'None: due within the month' : `${plural(String(n), n, 'day', 'days')} after the month ends`,
    logged: 'Logged',
    performed: 'Performed',
    notPerformed: 'Not yet',
    outcome: 'Outcome',
  },
};
