import { useQueryClient } from '@tanstack/react-query';
import { FileUploadForm } from '../../../components/FileUploadForm';
import { m } from '../../../messages';
import { announceUpload, completeUpload, documentKeys } from '../api';

const t = m.documents.upload;
/** What the file chooser offers; the API decides (by type and size) and says why it refuses. */
const ACCEPT = '.pdf,.txt,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.csv,.zip';
const FIELDS = ['content_type', 'size', 'name', 'folder'] as const;

interface Props {
  /** After an upload has been checked and is in the Uploads folder. */
  onUploaded?: (name: string) => void;
  /** Brings the form into view and focuses the file field (the "upload a document" shortcut). */
  focus?: boolean;
}

/**
 * Choose a file and send it into Uploads: announced to the API, sent straight to storage with a
 * progress bar, then confirmed. Refusals of the type or size show at the file field.
 */
export function UploadForm({ onUploaded, focus = false }: Props) {
  const qc = useQueryClient();
  return (
    <FileUploadForm
      texts={t}
      accept={ACCEPT}
      fields={FIELDS}
      announce={async (file) => {
        const ticket = await announceUpload(file);
        return { id: ticket.document.id, upload: ticket.upload };
      }}
      complete={completeUpload}
      refresh={() => qc.invalidateQueries({ queryKey: documentKeys.tree })}
      onDone={onUploaded}
      focus={focus}
      intro={<p className="muted">{t.intro}</p>}
    />
  );
}
