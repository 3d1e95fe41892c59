// Projects: the company's open and closed projects with their progress and what is late, one project's
// milestones, tasks, comments and files.
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const commentCount = (n: number | null) => (n === null ? 'Comments' : `Comments (${n})`);

export const projects = {
  status: {
    planned: 'Planned',
    active: 'Active',
    on_hold: 'On hold',
    completed: 'Completed',
    cancelled: 'Cancelled',
  },

  taskStatus: {
    todo: 'To do',
    in_progress: 'In progress',
    done: 'Done',
  },

  /** What is late, always in words beside its colour. */
  late: {
    overdue: 'Overdue',
    dueToday: 'Due today',
    tasksOverdue: (n: number) => `${plural(n, 'task', 'tasks')} overdue`,
    tasksDueToday: (n: number) => `${plural(n, 'task', 'tasks')} due today`,
  },

  progress: {
    /** The bar's name: whose progress it is. */
    label: (name: string) => `Progress of ${name}`,
    valueText: (percent: string, late: string | null) => (late ? `${percent} done, ${late}` : `${percent} done`),
  },

  list: {
    title: 'Projects',
    intro: 'Your company’s projects with us, soonest due first: how far each has come and what is running late.',
    filterLegend: 'Show',
    filter: { open: 'Open', closed: 'Closed' },
    caption: (state: 'open' | 'closed', page: number) =>
      `${state === 'open' ? 'Open projects' : 'Closed projects'}${page > 1 ? `, page ${page}` : ''}`,
    empty: (state: 'open' | 'closed') => (state === 'open' ? 'There are no open projects.' : 'There are no closed projects.'),
    columns: {
      name: 'Project',
      status: 'Status',
      due: 'Due',
      progress: 'Progress',
      tasks: 'Tasks done',
      milestone: 'Next milestone',
    },
    tasksDone: (done: number, total: number) => `${done} of ${total}`,
    noMilestone: 'None',
  },

  detail: {
    loadingTitle: 'Project',
    notFoundTitle: 'Project not found',
    notFoundBody: 'There is no such project, or it is not your company’s.',
    backToList: 'All projects',
    facts: 'About this project',
    status: 'Status',
    start: 'Starts',
    due: 'Due',
    manager: 'Project manager',
    progress: 'Progress',
    tasks: 'Tasks',
    tasksDone: (done: number, total: number) => `${done} of ${plural(total, 'task', 'tasks')} done`,
    description: 'Description',
    noDescription: 'No description.',
    closedNote: 'This project is closed: it takes no more comments or files.',
  },

  milestones: {
    title: 'Milestones',
    none: 'This project has no milestones.',
    done: 'Done',
  },

  tasks: {
    title: 'Tasks',
    none: 'This project has no tasks yet.',
    caption: 'The project’s tasks, soonest due first',
    columns: {
      title: 'Task',
      assignee: 'Assigned to',
      status: 'Status',
      due: 'Due',
      progress: 'Progress',
      comments: 'Comments',
    },
    unassigned: 'Not assigned',
    /** The disclosure of a task's comments: the count as shown, and its name with the task. */
    comments: commentCount,
    commentsFor: (n: number | null, title: string) => `${commentCount(n)}: ${title}`,
    commentsOn: (title: string) => `Comments on ${title}`,
  },

  comments: {
    title: 'Comments',
    intro: 'Everything said about the project and its tasks, oldest first.',
    none: 'No comments yet.',
    noneOnTask: 'No comments on this task yet.',
    staff: 'Staff',
    onTask: (title: string) => `On task: ${title}`,
    removedTask: 'On a task since removed',
    more: 'Show more comments',
    add: 'Add a comment',
    addToTask: 'Comment on this task',
    label: 'Comment',
    hint: 'Our project team reads every comment.',
    required: 'Write a comment first.',
    button: 'Post comment',
    added: 'Your comment was added.',
  },

  files: {
    title: 'Files',
    empty: 'No files on this project yet.',
    label: 'Files of this project',
    hint: 'PDF, text, images (PNG, JPEG, GIF, WebP), Word, Excel, CSV or ZIP, up to 25 MB. Our project team and everyone who can see this project can open it.',
  },
};
