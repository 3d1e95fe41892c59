import { formatPercent } from '../../../lib/format';
import { m } from '../../../messages';
import { taskLateness, type Lateness, type ProjectView } from '../api';
import styles from './Projects.module.css';

interface Props {
  /** 0–100. */
  percent: number;
  /** Whose progress it is: the bar's accessible name. */
  label: string;
  /** Red with a task overdue, yellow with one due today; said in `lateText` too. */
  late: Lateness;
  /** What is late in words ("2 tasks overdue"), shown under the bar and read with its value. */
  lateText?: string | null;
}

/** How far a project or task has come: a bar coloured by what is late, its percentage and the words for it. */
export function ProgressBar({ percent, label, late, lateText = null }: Props) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  const shown = formatPercent(value / 100);
  const tone = late === 'overdue' ? styles.barOverdue : late === 'due_today' ? styles.barDueToday : '';
  return (
    <div className={styles.progress}>
      <div className={styles.barLine}>
        <div
          className={`${styles.bar} ${tone}`}
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={value}
          aria-valuetext={m.projects.progress.valueText(shown, lateText)}
          data-late={late ?? undefined}
        >
          <span className={styles.fill} style={{ width: `${value}%` }} />
        </div>
        <span aria-hidden="true">{shown}</span>
      </div>
      {lateText ? (
        <span className={`${styles.lateText} ${late === 'overdue' ? styles.lateTextOverdue : styles.lateTextDueToday}`}>{lateText}</span>
      ) : null}
    </div>
  );
}

/** A project's bar: red with tasks overdue ("2 tasks overdue"), yellow with tasks due today and none overdue. */
export function ProjectProgress({ project }: { project: Pick<ProjectView, 'name' | 'progress' | 'overdue_tasks' | 'tasks_due_today'> }) {
  const t = m.projects;
  const late = taskLateness(project);
  const lateText =
    late === 'overdue' ? t.late.tasksOverdue(project.overdue_tasks) : late === 'due_today' ? t.late.tasksDueToday(project.tasks_due_today) : null;
  return <ProgressBar percent={project.progress} label={t.progress.label(project.name)} late={late} lateText={lateText} />;
}
