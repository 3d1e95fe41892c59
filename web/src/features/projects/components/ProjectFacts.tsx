import { Day } from '../../../components/Day';
import { m } from '../../../messages';
import type { ProjectView } from '../api';
import { LateBadge } from './LateBadge';
import { ProjectProgress } from './ProgressBar';
import { ProjectStatusBadge } from './ProjectStatusBadge';
import styles from './Projects.module.css';

/** A project's status, dates (its due date marked "Overdue" when it is), manager, progress and tasks done. */
export function ProjectFacts({ project }: { project: ProjectView }) {
  const t = m.projects.detail;
  return (
    <dl className="facts">
      <dt>{t.status}</dt>
      <dd>
        <ProjectStatusBadge status={project.status} />
      </dd>
      <dt>{t.start}</dt>
      <dd>
        <Day value={project.start_date} />
      </dd>
      <dt>{t.due}</dt>
      <dd className={styles.name}>
        <Day value={project.due_date} />
        {project.overdue ? <LateBadge late="overdue" /> : null}
      </dd>
      <dt>{t.manager}</dt>
      <dd>{project.manager ?? m.common.none}</dd>
      <dt>{t.progress}</dt>
      <dd>
        <ProjectProgress project={project} />
      </dd>
      <dt>{t.tasks}</dt>
      <dd>{t.tasksDone(project.tasks_done, project.task_count)}</dd>
    </dl>
  );
}
