import type { Principal } from '@court/auth';
import { isDuplicateKey } from '@court/database';
import { ConflictException, Injectable } from '@nestjs/common';
import type { TicketWorkflowInput } from '../../../../workflows/ticket/contract';
import { TemporalAvailability } from '../faults/temporal-availability';
import { bodyHash } from '../idempotency/body-hash';
import { IdempotencyRecords, keyReused } from '../idempotency/idempotency-records';
import type { TicketCreated } from './dto/ticket-view.dto';
import { TicketIdService } from './ticket-ids.service';
import { TicketOpening } from './ticket-opening.service';
import { type PreparedTicket, TicketPreparation } from './ticket-preparation.service';

export interface CreateResult {
  replayed: boolean;
  body: TicketCreated;
}

function voicemailLogged(ticketId: string): ConflictException {
  return new ConflictException(`留言已登记为工单 ${ticketId}`);
}

/** `POST /api/tickets`, exactly once per `Idempotency-Key`. */
@Injectable()
export class TicketCreation {
  private readonly inFlight = new Map<string, { hash: string; result: Promise<CreateResult> }>();

  constructor(
    private readonly preparation: TicketPreparation,
    private readonly opening: TicketOpening,
    private readonly ids: TicketIdService,
    private readonly availability: TemporalAvailability,
    private readonly keys: IdempotencyRecords,
  ) {}

  /**
   * Validate → decide → claim an id → (remember the key) → store the call → start the
   * workflow → mark the voicemail logged. With an `Idempotency-Key`, every step after the
   * key is stored is repeatable: a retry after a crash finishes the same ticket.
   */
  async create(
    body: unknown,
    user: Principal,
    idempotencyKey: string | undefined,
  ): Promise<CreateResult> {
    const prepared = await this.preparation.prepare(body, user);
    // Nothing is stored while Temporal is away: 503 at once, and the retry starts afresh.
    await this.availability.ensure();
    if (idempotencyKey === undefined) {
      if (prepared.voicemailLoggedAs) throw voicemailLogged(prepared.voicemailLoggedAs);
      const ticketId = await this.ids.claim();
      return {
        replayed: false,
        body: await this.opening.open(ticketId, prepared.input, prepared.workflowInput),
      };
    }
    const key = `${user.id}:${idempotencyKey}`;
    const hash = bodyHash(body);
    const running = this.inFlight.get(key);
    if (running) {
      if (running.hash !== hash) throw keyReused();
      return { ...(await running.result), replayed: true };
    }
    const result = this.createOnce(key, hash, prepared);
    this.inFlight.set(key, { hash, result });
    try {
      return await result;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Stores the response replayed to later duplicates (a separate step, so tests can fail it). */
  async saveResponse(key: string, response: TicketCreated): Promise<void> {
    await this.keys.saveResponse(key, response);
  }

  private async createOnce(
    key: string,
    hash: string,
    prepared: PreparedTicket,
  ): Promise<CreateResult> {
    let record = await this.keys.find(key);
    if (!record) {
      if (prepared.voicemailLoggedAs) throw voicemailLogged(prepared.voicemailLoggedAs);
      const ticketId = await this.ids.claim();
      try {
        await this.keys.create({
          _id: key,
          scope: 'POST /api/tickets',
          bodyHash: hash,
          ticketId,
          prepared: { ...prepared.workflowInput, ticketId },
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Another process stored the same key first: carry on with its ticket.
        record = await this.keys.find(key);
        if (!record) throw error;
      }
      if (!record) {
        const response = await this.opening.open(ticketId, prepared.input, prepared.workflowInput);
        await this.saveResponse(key, response);
        return { replayed: false, body: response };
      }
    }
    if (record.bodyHash !== hash || !record.ticketId) throw keyReused();
    if (record.response) return { replayed: true, body: record.response as TicketCreated };
    // The workflow input stored with the key, as the first attempt prepared it (a Mixed field).
    const firstPrepared = record.prepared as TicketWorkflowInput;
    const response = await this.opening.open(record.ticketId, prepared.input, firstPrepared);
    await this.saveResponse(key, response);
    return { replayed: true, body: response };
  }
}
