import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PostForm } from '../../../components/PostForm';
import { QueryState } from '../../../components/QueryState';
import { m } from '../../../messages';
import { OwnPortalOnly, useViewingOther } from '../../groups';
import { useAddComment, type CommentView } from '../api';
import { CommentList } from './CommentList';

interface Props {
  projectId: string;
  /** The task whose thread it is; none for the project's whole thread. */
  taskId: string | null;
  closed: boolean;
  comments: UseInfiniteQueryResult<InfiniteData<{ items: CommentView[]; next_cursor?: string | null }>>;
  /** The project's tasks' titles by id (the project's whole thread says which task a comment is on). */
  taskTitles?: ReadonlyMap<string, string>;
  empty: string;
  formTitle: string;
}

/**
 * A thread of comments, oldest first, with "Show more" while there are more, and the form to add one; a
 * closed project says it takes no more (and, when a comment was refused as it closed, the API's words).
 */
export function CommentThread({ projectId, taskId, closed, comments, taskTitles, empty, formTitle }: Props) {
  const t = m.projects.comments;
  const add = useAddComment(projectId, taskId);
  const viewingOther = useViewingOther();
  return (
    <>
      <QueryState query={comments}>
        {(data) => (
          <>
            <CommentList comments={data.pages.flatMap((p) => p.items)} taskTitles={taskTitles} empty={empty} />
            {comments.hasNextPage ? (
              <p>
                <Button variant="secondary" busy={comments.isFetchingNextPage} onClick={() => void comments.fetchNextPage()}>
                  {t.more}
                </Button>
              </p>
            ) : null}
          </>
        )}
      </QueryState>
      {closed ? (
        <>
          <ErrorAlert error={add.error} />
          <p className="muted">{m.projects.detail.closedNote}</p>
        </>
      ) : viewingOther ? (
        <OwnPortalOnly />
      ) : (
        <PostForm title={formTitle} level={3} texts={t} rows={3} busy={add.isPending} error={add.error} onSubmit={(body) => add.mutateAsync(body)} />
      )}
    </>
  );
}
