import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { m } from '../../../messages';
import { OwnPortalOnly, useViewingOther } from '../../groups';
import { documentLink, folderAncestors, folderPaths, openLink, useDocumentTree, type DocumentEntry } from '../api';
import { DocumentTree } from '../components/DocumentTree';
import { UploadForm } from '../components/UploadForm';

const UPLOADS = 'Uploads';

/**
 * The company's documents as a folder tree (collapsed at first, or open down to `?folder=`, where a search
 * result leads), opening them, and uploading one.
 */
export default function DocumentsPage() {
  const tree = useDocumentTree();
  const [params] = useSearchParams();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(folderAncestors(params.get('folder'))));
  const [opening, setOpening] = useState<string | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);
  const [said, setSaid] = useState('');
  // Uploads go to a company's own portal, not while viewing another of the group.
  const viewingOther = useViewingOther();

  const toggle = (path: string) =>
    setExpanded((e) => {
      const next = new Set(e);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  const open = async (doc: DocumentEntry) => {
    setOpening(doc.id);
    setOpenError(null);
    setSaid('');
    try {
      const mode = openLink(await documentLink(doc.id));
      setSaid(mode === 'tab' ? m.documents.opened(doc.name) : m.documents.downloading(doc.name));
    } catch (e) {
      setOpenError(e);
    } finally {
      setOpening(null);
    }
  };

  return (
    <Page title={m.documents.title}>
      <section className="card" aria-labelledby="documents-tree">
        <h2 id="documents-tree">{m.documents.tree.heading}</h2>
        <QueryState query={tree}>
          {(root) => (
            <>
              {root.folders.length > 0 ? (
                <div className="toolbar">
                  <Button variant="secondary" onClick={() => setExpanded(new Set(folderPaths(root)))}>
                    {m.documents.tree.showAll}
                  </Button>
                  <Button variant="secondary" onClick={() => setExpanded(new Set())}>
                    {m.documents.tree.collapseAll}
                  </Button>
                </div>
              ) : null}
              <ErrorAlert error={openError} />
              <DocumentTree root={root} expanded={expanded} onToggle={toggle} onOpen={(d) => void open(d)} opening={opening} />
            </>
          )}
        </QueryState>
        <p role="status" className="visually-hidden">
          {said}
        </p>
      </section>
      <section className="card" aria-labelledby="documents-upload">
        <h2 id="documents-upload">{m.documents.upload.heading}</h2>
        {viewingOther ? (
          <OwnPortalOnly />
        ) : (
          <UploadForm focus={params.get('upload') === '1'} onUploaded={() => setExpanded((e) => new Set(e).add(UPLOADS))} />
        )}
      </section>
    </Page>
  );
}
