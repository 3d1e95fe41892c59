import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TextField } from '../../../components/Field';
import { UploadProgress } from '../../../components/UploadProgress';
import { focusFirstInvalid } from '../../../lib/focusInvalid';
import { fieldErrors } from '../../../lib/problem';
import { m } from '../../../messages';
import { announceUpload, completeUpload, documentKeys, sendFile, StorageError } from '../api';
import styles from './UploadForm.module.css';

const t = m.documents.upload;
/** What the file chooser offers; the API decides (by type and size) and says why it refuses. */
const ACCEPT = '.pdf,.txt,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.csv,.zip';

type Phase = 'idle' | 'announcing' | 'sending' | 'checking' | 'done';

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
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const busy = phase === 'announcing' || phase === 'sending' || phase === 'checking';
  const fileLabels = { content_type: t.file, size: t.file, name: t.file, folder: t.file };

  useEffect(() => {
    if (!focus) return;
    // After the shell has moved focus to the page's heading.
    const timer = setTimeout(() => {
      const input = formRef.current?.querySelector<HTMLInputElement>('input[type=file]');
      formRef.current?.scrollIntoView?.({ block: 'center' });
      input?.focus({ preventScroll: true });
    }, 0);
    return () => clearTimeout(timer);
  }, [focus]);

  const fieldError = (() => {
    if (missing) return t.noFile;
    const errors = fieldErrors(error);
    return errors.content_type ?? errors.size ?? errors.name ?? errors.folder;
  })();

  const upload = async () => {
    if (!file) {
      setMissing(true);
      focusFirstInvalid(formRef.current);
      return;
    }
    setMissing(false);
    setError(null);
    setDone(null);
    setProgress(0);
    try {
      setPhase('announcing');
      const ticket = await announceUpload(file);
      setPhase('sending');
      await sendFile(ticket.upload, file, setProgress);
      setPhase('checking');
      await completeUpload(ticket.document.id);
      await qc.invalidateQueries({ queryKey: documentKeys.tree });
      setPhase('done');
      setDone(file.name);
      onUploaded?.(file.name);
    } catch (e) {
      setPhase('idle');
      setError(e);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void upload();
  };

  const showProgress = phase === 'sending' || phase === 'checking' || phase === 'done';

  return (
    <form ref={formRef} onSubmit={submit} noValidate className={styles.form}>
      <p className="muted">{t.intro}</p>
      {error instanceof StorageError ? (
        <div className="alert alert-error" role="alert">
          <p>{t.failed}</p>
          <Button variant="secondary" onClick={() => void upload()}>
            {m.common.retry}
          </Button>
        </div>
      ) : (
        <ErrorAlert error={error} fieldLabels={fileLabels} onRetry={() => void upload()} />
      )}
      <TextField
        label={t.file}
        type="file"
        accept={ACCEPT}
        hint={t.hint}
        error={fieldError}
        disabled={busy}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setMissing(false);
          setError(null);
          if (phase === 'done') setPhase('idle');
        }}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t.button}
        </Button>
      </div>
      {showProgress ? <UploadProgress fraction={progress} label={t.progress} valueText={t.percent} /> : null}
      <div role="status" className={done ? 'alert alert-ok' : styles.quiet}>
        {phase === 'sending' && file ? <p>{t.sending(file.name)}</p> : null}
        {phase === 'checking' ? <p>{t.checking}</p> : null}
        {done ? <p>{t.done(done)}</p> : null}
      </div>
    </form>
  );
}
