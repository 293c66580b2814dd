import { useCallback, useEffect, useRef, useState } from 'react';
import { authorisedFetch } from '../../api/client';
import { contentLength, expectedRows, type Progress } from './download-progress';

export type DownloadState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: Progress }
  | { phase: 'done'; fileName: string; size: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: unknown };

/** Saves a blob under a name through a temporary link (the browser's download). */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Downloads an authorised file while counting its bytes, so the page can show progress and
 * offer to cancel; then saves it under a name of the page's choosing.
 */
export function useFileDownload() {
  const [state, setState] = useState<DownloadState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (path: string, fileName: string, type: string) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'running', progress: { received: 0, total: null } });
    try {
      const response = await authorisedFetch(path, { signal: abort.signal });
      const total = contentLength(response.headers.get('Content-Length'));
      const rows = expectedRows(response.headers.get('X-Ledger-Rows'));
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      const reader = response.body?.getReader();
      if (reader) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          received += value.byteLength;
          setState({ phase: 'running', progress: { received, total, rows } });
        }
      } else {
        const buffer = new Uint8Array(await response.arrayBuffer());
        chunks.push(buffer);
        received = buffer.byteLength;
      }
      save(new Blob(chunks, { type }), fileName);
      setState({ phase: 'done', fileName, size: received });
    } catch (error) {
      if (abort.signal.aborted) setState({ phase: 'cancelled' });
      else setState({ phase: 'failed', error });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, start, cancel, reset };
}
