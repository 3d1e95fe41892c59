import { Link } from 'react-router';
import { Table } from '../../../components/DataTable';
import { Day, None } from '../../../components/Day';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { nextMilestone, type ProjectView } from '../api';
import { LateBadge } from './LateBadge';
import { ProjectProgress } from './ProgressBar';
import { ProjectStatusBadge } from './ProjectStatusBadge';
import styles from './Projects.module.css';

/**
 * One page of projects; the name links to the project. An overdue project's row is red and says
 * "Overdue"; its bar is red with tasks overdue, yellow with tasks due today, and says how many.
 */
export function ProjectTable({ projects, caption }: { projects: ProjectView[]; caption: string }) {
  const c = m.projects.list.columns;
  return (
    <div className="table-wrap">
      <Table caption={caption} captionShown={false} columns={[c.name, c.status, c.due, c.progress, c.tasks, c.milestone]}>
        {projects.map((p) => {
          const milestone = nextMilestone(p.milestones);
          return (
            <tr key={p.id} className={p.overdue ? styles.overdueRow : undefined}>
              <td>
                <span className={styles.name}>
                  <Link to={paths.project(p.id)}>{p.name}</Link>
                  {p.overdue ? <LateBadge late="overdue" /> : null}
                </span>
              </td>
              <td>
                <ProjectStatusBadge status={p.status} />
              </td>
              <td>
                <Day value={p.due_date} />
              </td>
              <td>
                <ProjectProgress project={p} />
              </td>
              <td>{m.projects.list.tasksDone(p.tasks_done, p.task_count)}</td>
              <td>
                {milestone ? (
                  <span className={styles.name}>
                    <span>{milestone.name}</span>
                    <Day value={milestone.due_date} missing={null} />
                    {milestone.overdue ? <LateBadge late="overdue" /> : null}
                  </span>
                ) : (
                  <None />
                )}
              </td>
            </tr>
          );
        })}
      </Table>
    </div>
  );
}
