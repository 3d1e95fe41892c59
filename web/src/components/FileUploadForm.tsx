import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { focusFirstInvalid } from '../lib/focusInvalid';
import { fieldErrors } from '../lib/problem';
import { sendFile, StorageError, type PresignedUpload } from '../lib/upload';
import { m } from '../messages';
import { Button } from './Button';
import { ErrorAlert } from './ErrorAlert';
import { TextField } from './Field';
import styles from './FileUploadForm.module.css';
import { UploadProgress } from './UploadProgress';

/** What the form says: its file field, button, progress and outcome. */
export interface UploadTexts {
  file: string;
  hint: string;
  button: string;
  noFile: string;
  progress: string;
  percent: (n: string) => string;
  sending: (name: string) => string;
  checking: string;
  done: (name: string) => string;
  failed: string;
}

type Phase = 'idle' | 'announcing' | 'sending' | 'checking' | 'done';

interface Props {
  texts: UploadTexts;
  /** What the file chooser offers. */
  accept: string;
  /** Why a file cannot be sent, said as soon as it is chosen; `undefined` when it may be. */
  check?: (file: File) => string | undefined;
  /** The API's field names whose refusals show at the file field. */
  fields: readonly string[];
  /** Announces the file to the API: the id to complete, and where to send the bytes. */
  announce: (file: File) => Promise<{ id: string; upload: PresignedUpload }>;
  /** The bytes are in storage: the API checks them against what was announced. */
  complete: (id: string) => Promise<unknown>;
  /** After completing, before saying it is done: read again what lists the file. */
  refresh: () => Promise<unknown>;
  /** After a refusal or failure (what lists the file may have changed meanwhile). */
  onFailed?: () => void;
  /** After the file has been checked by the API and what lists it read again. */
  onDone?: (name: string) => void;
  /** Brings the form into view and focuses the file field (a shortcut's landing). */
  focus?: boolean;
  /** Said above the file field. */
  intro?: ReactNode;
}

/**
 * Choose a file and send it: checked here (when the caller can), announced to the API, sent straight to
 * storage with a progress bar, then confirmed. Refusals of the type or size show at the file field.
 */
export function FileUploadForm({ texts: t, accept, check, fields, announce, complete, refresh, onFailed, onDone, focus = false, intro }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const busy = phase === 'announcing' || phase === 'sending' || phase === 'checking';
  const fileLabels = Object.fromEntries(fields.map((f) => [f, t.file]));

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
    if (invalid) return invalid;
    const errors = fieldErrors(error);
    return fields.map((f) => errors[f]).find(Boolean);
  })();

  const upload = async () => {
    const refusal = file ? check?.(file) : t.noFile;
    if (!file || refusal) {
      setInvalid(refusal);
      focusFirstInvalid(formRef.current);
      return;
    }
    setInvalid(undefined);
    setError(null);
    setDone(null);
    setProgress(0);
    try {
      setPhase('announcing');
      const announced = await announce(file);
      setPhase('sending');
      await sendFile(announced.upload, file, setProgress);
      setPhase('checking');
      await complete(announced.id);
      await refresh();
      setPhase('done');
      setDone(file.name);
      onDone?.(file.name);
    } catch (e) {
      setPhase('idle');
      setError(e);
      onFailed?.();
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void upload();
  };

  const showProgress = phase === 'sending' || phase === 'checking' || phase === 'done';

  return (
    <form ref={formRef} onSubmit={submit} noValidate className={styles.form}>
      {intro}
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
        accept={accept}
        hint={t.hint}
        error={fieldError}
        disabled={busy}
        onChange={(e) => {
          const chosen = e.target.files?.[0] ?? null;
          setFile(chosen);
          // Said at once, so nobody waits for an upload that cannot succeed.
          setInvalid(chosen ? check?.(chosen) : undefined);
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
