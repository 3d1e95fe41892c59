// A stand-in for XMLHttpRequest in tests: records what is sent and plays back progress and an answer.
import { afterEach, beforeEach, vi } from 'vitest';
export class FakeXhr {
  static last: FakeXhr | null = null;
  static answer = 200;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  abort() {
    this.onabort?.();
  }
  send(body: unknown) {
    this.body = body;
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 });
      setTimeout(() => {
        if (FakeXhr.answer === 0) {
          this.onerror?.();
          return;
        }
        this.status = FakeXhr.answer;
        this.onload?.();
      }, 20);
    }, 5);
  }
}

/**
 * Uploads in the tests of the calling block go to the fake, answering 200 unless a test says otherwise;
 * the real XMLHttpRequest and any spies are back after each test.
 */
export function useFakeXhr() {
  beforeEach(() => {
    FakeXhr.answer = 200;
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });
}
