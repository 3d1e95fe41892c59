import { m } from '../../../messages';
import type { ProjectStatus } from '../api';

/** A project's status in words. */
export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  return <span className="badge">{m.projects.status[status]}</span>;
}
