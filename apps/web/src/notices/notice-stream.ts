import { EventStreamContentType, fetchEventSource } from '@microsoft/fetch-event-source';
import type { NoticeView } from '../api/types';
import { getSession } from '../auth/session';

export type Notice = NoticeView;

class RetryableStreamError extends Error {}

/**
 * Follows `/api/notifications/stream` with the Bearer header (EventSource cannot send one) and
 * resumes after a drop with Last-Event-ID, so no notice is missed. Returns a stop function.
 */
export function followNotices(onNotice: (notice: Notice) => void, onOpen?: () => void): () => void {
  const controller = new AbortController();
  void fetchEventSource('/api/notifications/stream', {
    signal: controller.signal,
    openWhenHidden: true,
    // fetch-event-source sends Last-Event-ID itself when it reconnects.
    headers: { Authorization: `Bearer ${getSession()?.accessToken ?? ''}` },
    async onopen(response) {
      if (response.ok && response.headers.get('content-type')?.startsWith(EventStreamContentType)) {
        onOpen?.();
        return;
      }
      if (response.status === 401 || response.status === 403) {
        controller.abort();
        return;
      }
      throw new RetryableStreamError(`stream answered ${response.status}`);
    },
    onmessage(message) {
      if (message.event !== 'notice' || !message.data) return;
      try {
        onNotice(JSON.parse(message.data) as Notice);
      } catch {
        // a malformed event is skipped; the next one carries on
      }
    },
    onerror() {
      return 3000;
    },
  }).catch(() => undefined);
  return () => controller.abort();
}
