import { EventEmitter } from 'node:events';
import type { InboxNoticeDoc } from '@court/database';

/**
 * In-process fan-out of newly stored in-app notices to the SSE streams of the same process
 * (the notification app hosts both the activity worker and the stream endpoint). With
 * several notification processes, a stream only hears its own process's notices live; it
 * reads the database on (re)connect and on its periodic catch-up, so nothing is lost.
 */
export class NoticeBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(notice: InboxNoticeDoc): void {
    this.emitter.emit('notice', notice);
  }

  subscribe(listener: (notice: InboxNoticeDoc) => void): () => void {
    this.emitter.on('notice', listener);
    return () => this.emitter.off('notice', listener);
  }

  listenerCount(): number {
    return this.emitter.listenerCount('notice');
  }
}
