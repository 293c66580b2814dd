import { formatTicketId, shanghaiDate } from '@court/domain';
import { Inject, Injectable } from '@nestjs/common';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';

/**
 * Ticket ids `T<yyyymmdd>-<seq>`, the Shanghai date of logging and a daily sequence. A number
 * is claimed by inserting `{ _id: id }` into `ticket_ids`: the unique `_id` decides between
 * concurrent claims, also across processes (FerretDB applies `$inc` non-atomically, inserts
 * under a unique index hold). In one process claims are serialised and start after the last
 * number this process saw, so there is no contention; another process's claim costs a retry.
 */
@Injectable()
export class TicketIdService {
  private lastSeen = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@Inject(INTAKE_STORE) private readonly store: IntakeStore) {}

  claim(at: Date = new Date()): Promise<string> {
    const next = this.queue.then(() => this.claimNow(at));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async claimNow(at: Date): Promise<string> {
    const day = shanghaiDate(at).replace(/-/g, '');
    let seq = this.lastSeen.get(day);
    if (seq === undefined) {
      const top = await this.store.ticketNumbers.highestOf(day);
      seq = top?.seq ?? 0;
      if (this.lastSeen.size > 3) this.lastSeen = new Map();
    }
    for (let attempt = 0; attempt < 1000; attempt++) {
      seq += 1;
      const id = formatTicketId(at, seq);
      if (await this.store.ticketNumbers.claim({ _id: id, day, seq, claimedAt: new Date() })) {
        this.lastSeen.set(day, seq);
        return id;
      }
      // Another process took it: jump to the highest number claimed so far.
      const top = await this.store.ticketNumbers.highestOf(day);
      if (top && top.seq > seq) seq = top.seq;
    }
    throw new Error('could not claim a ticket number');
  }
}
