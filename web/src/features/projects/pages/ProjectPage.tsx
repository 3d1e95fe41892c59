import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { AttachmentsCard } from '../../../components/AttachmentsCard';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { paths } from '../../../lib/paths';
import { ApiProblem } from '../../../lib/problem';
import { m } from '../../../messages';
import { useViewingOther } from '../../groups';
import { isClosed, projectFiles, useProject, useProjectComments, type ProjectDetail } from '../api';
import { CommentThread } from '../components/CommentThread';
import { MilestoneList } from '../components/MilestoneList';
import { ProjectFacts } from '../components/ProjectFacts';
import styles from '../components/Projects.module.css';
import { TaskTable } from '../components/TaskTable';

const back = (
  <p>
    <Link to={paths.projects}>{m.projects.detail.backToList}</Link>
  </p>
);

/** One project: its facts, description, milestones, tasks (each with its comments), comments and files. */
export default function ProjectPage() {
  const t = m.projects.detail;
  const { id = '' } = useParams();
  const project = useProject(id);

  // Another company's project answers exactly like a missing one; an address whose id cannot be one (the
  // API's 400 naming `id`) is not found either.
  const error = project.error;
  const notFound =
    error instanceof ApiProblem && (error.status === 404 || (error.status === 400 && error.errors.some((e) => e.field === 'id')));
  if (notFound) {
    return (
      <Page title={t.notFoundTitle}>
        <p>{t.notFoundBody}</p>
        {back}
      </Page>
    );
  }
  if (!project.data) {
    return (
      <Page title={t.loadingTitle}>
        {project.isError ? <ErrorAlert error={project.error} onRetry={() => void project.refetch()} /> : <Loading />}
        {back}
      </Page>
    );
  }
  return <ProjectDetails project={project.data} />;
}

function ProjectDetails({ project }: { project: ProjectDetail }) {
  const t = m.projects;
  const closed = isClosed(project.status);
  const viewingOther = useViewingOther();
  const comments = useProjectComments(project.id);
  const taskTitles = useMemo(() => new Map(project.tasks.map((task) => [task.id, task.title])), [project.tasks]);
  // Each task's count, once the whole thread is in (it holds the tasks' comments too).
  const commentCounts = useMemo(() => {
    if (!comments.data || comments.hasNextPage) return null;
    const counts = new Map<string, number>();
    for (const c of comments.data.pages.flatMap((p) => p.items)) {
      if (c.task_id) counts.set(c.task_id, (counts.get(c.task_id) ?? 0) + 1);
    }
    return counts;
  }, [comments.data, comments.hasNextPage]);

  return (
    <Page title={project.name}>
      {back}
      {closed ? <p className="alert alert-info">{t.detail.closedNote}</p> : null}
      <section className="card" aria-labelledby="project-facts">
        <h2 id="project-facts">{t.detail.facts}</h2>
        <ProjectFacts project={project} />
      </section>
      <section className="card" aria-labelledby="project-description">
        <h2 id="project-description">{t.detail.description}</h2>
        {project.description ? <p className={styles.plainText}>{project.description}</p> : <p className="muted">{t.detail.noDescription}</p>}
      </section>
      <section className="card" aria-labelledby="project-milestones">
        <h2 id="project-milestones">{t.milestones.title}</h2>
        <MilestoneList milestones={project.milestones} />
      </section>
      <section className={styles.section} aria-labelledby="project-tasks">
        <h2 id="project-tasks">{t.tasks.title}</h2>
        <TaskTable projectId={project.id} tasks={project.tasks} closed={closed} commentCounts={commentCounts} />
      </section>
      <section className={styles.section} aria-labelledby="project-comments">
        <h2 id="project-comments">{t.comments.title}</h2>
        <p className="muted">{t.comments.intro}</p>
        <CommentThread
          projectId={project.id}
          taskId={null}
          closed={closed}
          comments={comments}
          taskTitles={taskTitles}
          empty={t.comments.none}
          formTitle={t.comments.add}
        />
      </section>
      <AttachmentsCard
        title={t.files.title}
        endpoints={projectFiles(project.id)}
        attachments={project.files}
        texts={t.files}
        canAttach={!closed && !viewingOther}
      />
    </Page>
  );
}
