import type { Principal } from '@court/auth';
import type { TicketLedgerDoc } from '@court/database';
import { type CallerTicket, findByIds, isDuplicateKey, readTicketEvents } from '@court/database';
import {
  answerErrors,
  type CreateTicketInput,
  type Directory,
  type Disposition,
  type DispositionTarget,
  decideDisposition,
  type FieldError,
  isCivilDate,
  isIsoInstant,
  normalizeCaseNumber,
  normalizePhone,
  parseCreateTicket,
  shanghaiInstant,
  ticketWorkflowId,
  toEpochMs,
} from '@court/domain';
import { TEMPORAL_CLIENT, ticketWorkflowOptions, voicemailWorkflowId } from '@court/temporal';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import {
  type Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { QueryFilter } from 'mongoose';
import {
  acceptTicketUpdate,
  acknowledgeEscalationUpdate,
  awaitRoutedUpdate,
  decideExtensionUpdate,
  getTicketQuery,
  reassignTicketUpdate,
  recordAttachmentUpdate,
  recordCallbackUpdate,
  recordProgressUpdate,
  recordRepeatCallUpdate,
  requestExtensionUpdate,
  returnTicketUpdate,
  sendReminderUpdate,
  submitFeedbackUpdate,
} from '../../../../workflows/ticket/messages';
import type { ticketWorkflow } from '../../../../workflows/ticket/ticket.workflow';
import type { TicketWorkflowInput } from '../../../../workflows/ticket/ticket-input';
import type { TicketView } from '../../../../workflows/ticket/ticket-state';
import { voicemailLoggedUpdate } from '../../../../workflows/voicemail/voicemail.workflow';
import { DirectoryService } from '../directory/directory.service';
import { TemporalAvailability } from '../faults/temporal-availability';
import { WorkflowStarts } from '../faults/workflow-starts';
import { bodyHash } from '../idempotency/body-hash';
import { IdempotencyRecords, keyReused } from '../idempotency/idempotency-records';
import { INTAKE_MODELS, type IntakeModels } from '../intake-models';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake-settings';
import type { SearchTicketsDto } from './dto/search-tickets.dto';
import type { TicketCreated, TicketProposal } from './dto/ticket-view.dto';
import { TicketIdService } from './ticket-ids.service';
import { publicDisposition, ticketListItem, ticketResponse } from './ticket-view';
import { toHttpError } from './workflow-errors';

/** Roles that see every ticket; handlers see their own and, as head, their department's. */
const SEE_ALL = ['agent', 'supervisor', 'leader', 'admin'] as const;
/** Roles shown the caller's full phone on one ticket (they call callers back). */
const SEE_PHONE = ['agent', 'supervisor', 'handler', 'leader'] as const;
const FINISHED = ['closed', 'answered'];
/** How long `POST /api/tickets` waits for the workflow to route the ticket before answering `open`. */
const SETTLE_TIMEOUT_MS = 5_000;
/** How long the plain start after a slow update-with-start may take. */
const START_TIMEOUT_MS = 3_000;
/** How long a live read of a ticket's workflow may take before the ledger answers alone. */
const QUERY_TIMEOUT_MS = 1_500;

/** A gRPC call cut off by its deadline (`withDeadline`), however the client wrapped it. */
function isDeadlineExceeded(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === 4 /* DEADLINE_EXCEEDED */) return true;
    if (e.name === 'WorkflowUpdateRPCTimeoutOrCancelledError') return true;
  }
  return false;
}

/**
 * Whether this caller already had a contact-judge ticket (about this case, when one is given),
 * among all the caller's tickets, not only those listed.
 */
function contactedJudgeBefore(
  input: Pick<CreateTicketInput, 'caseNumber'>,
  callerTickets: CallerTicket[],
): boolean {
  return callerTickets.some(
    (t) => t.type === 'contact_judge' && t.samePhone && (!input.caseNumber || t.sameCase),
  );
}

function badRequest(errors: readonly FieldError[], message = '请求参数有误'): BadRequestException {
  return new BadRequestException({ statusCode: 400, message, errors: [...errors] });
}

interface Prepared {
  input: CreateTicketInput;
  disposition: Disposition;
  /** The ticket the voicemail named in the body was already logged as (a replay, or a conflict). */
  voicemailLoggedAs: string | null;
  /** Without the ticket id, which is claimed later. */
  workflowInput: Omit<TicketWorkflowInput, 'ticketId'>;
}

export interface CreateResult {
  replayed: boolean;
  body: TicketCreated;
}

/**
 * Text that contains the keyword, as typed (no pattern syntax), in the id, caller name, case
 * number, content, answer or feedback. A scan on FerretDB: its cost at 100,000 tickets is in the
 * README (search bench).
 */
export function keywordFilter(keyword: string): QueryFilter<TicketLedgerDoc> {
  const contains = { $regex: keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
  return {
    $or: ['_id', 'caller.name', 'caseNumber', 'content', 'answer', 'feedback.result'].map(
      (field) => ({ [field]: contains }),
    ),
  } as QueryFilter<TicketLedgerDoc>;
}

@Injectable()
export class TicketsService {
  private readonly logger = new Logger('Tickets');
  private readonly inFlight = new Map<string, { hash: string; result: Promise<CreateResult> }>();

  constructor(
    @Inject(INTAKE_MODELS) private readonly models: IntakeModels,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly directory: DirectoryService,
    private readonly ids: TicketIdService,
    private readonly availability: TemporalAvailability,
    private readonly starts: WorkflowStarts,
    private readonly keys: IdempotencyRecords,
  ) {}

  // ——— validation and the rule table ———

  private parse(body: unknown): CreateTicketInput {
    const parsed = parseCreateTicket(body);
    if (!parsed.ok) throw badRequest(parsed.errors);
    return parsed.value;
  }

  private decide(input: CreateTicketInput, directory: Directory): Disposition {
    const decided = decideDisposition(input, directory);
    if (!decided.ok) throw badRequest(decided.errors);
    return decided.value;
  }

  /** `POST /api/tickets/proposal`: the disposition and the caller's and case's earlier tickets. */
  async propose(body: unknown): Promise<TicketProposal> {
    const input = this.parse(body);
    const directory = await this.directory.current();
    const disposition = this.decide(input, directory);
    const callerTickets = await this.models.callers.find(input.caller.phone, input.caseNumber);
    const earlier = await this.earlierTickets(input, callerTickets);
    const offerCouldNotReachJudge =
      input.type === 'contact_judge' &&
      !input.flags.couldNotReachJudge &&
      contactedJudgeBefore(input, callerTickets);
    return {
      disposition: publicDisposition(disposition)!,
      answerRequired: disposition.action === 'direct_answer',
      repeat: earlier.length > 0,
      earlierTickets: earlier,
      suggestions: offerCouldNotReachJudge
        ? [
            {
              kind: 'could_not_reach_judge',
              rule: '4.2',
              message:
                '该来电人此前已就本案联系法官：如因联系不上承办法官再次来电，请勾选“联系不上法官”，工单将转发至承办法官（第四条第二项）',
              flags: { couldNotReachJudge: true },
            },
          ]
        : [],
    };
  }

  /** Earlier tickets of the same caller phone or the same case (the 50 latest), open ones first. */
  private async earlierTickets(
    input: Pick<CreateTicketInput, 'caller' | 'caseNumber'>,
    callerTickets: CallerTicket[],
  ) {
    const latest = callerTickets.slice(0, 50).map((t) => t.id);
    const docs = (await findByIds(this.models.ledger.tickets, latest)).sort(
      (a, b) => b.receivedAt.getTime() - a.receivedAt.getTime(),
    );
    const rows = docs.map((doc) => ({
      ...ticketListItem(doc),
      open: !FINISHED.includes(doc.status),
      samePhone: doc.caller?.phone === input.caller.phone,
      sameCase: input.caseNumber !== null && doc.caseNumber === input.caseNumber,
    }));
    return [...rows.filter((r) => r.open), ...rows.filter((r) => !r.open)].slice(0, 20);
  }

  private async prepare(body: unknown, user: Principal): Promise<Prepared> {
    const input = this.parse(body);
    const directory = await this.directory.current();
    const disposition = this.decide(input, directory);
    const missingAnswer = answerErrors(input, disposition);
    if (missingAnswer.length > 0) throw badRequest(missingAnswer);

    let receivedAt = input.answeredAt ?? input.ringAt ?? new Date().toISOString();
    let voicemailLoggedAs: string | null = null;
    if (input.voicemailId) {
      const voicemail = await this.models.voicemails.findById(input.voicemailId).lean();
      if (!voicemail) {
        throw badRequest([{ field: 'voicemailId', message: `未找到留言 ${input.voicemailId}` }]);
      }
      if (voicemail.status === 'logged' && voicemail.ticketId) {
        voicemailLoggedAs = voicemail.ticketId;
      }
      receivedAt = voicemail.receivedAt.toISOString();
    }
    const transfer = [disposition, ...disposition.alsoRoutes].find((r) => r.action === 'transfer');
    const departmentHead = headOf(directory, transfer?.departmentId ?? null);
    return {
      input,
      disposition,
      voicemailLoggedAs,
      workflowInput: {
        type: input.type,
        caseNumber: input.caseNumber,
        flags: input.flags,
        receivedAt: new Date(receivedAt).toISOString(),
        disposition,
        departmentHead,
        loggedBy: user.id,
      },
    };
  }

  // ——— create, exactly once ———

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
    const prepared = await this.prepare(body, user);
    // Nothing is stored while Temporal is away: 503 at once, and the retry starts afresh.
    await this.availability.ensure();
    if (idempotencyKey === undefined) {
      if (prepared.voicemailLoggedAs) throw this.voicemailLogged(prepared.voicemailLoggedAs);
      const ticketId = await this.ids.claim();
      return {
        replayed: false,
        body: await this.complete(ticketId, prepared, prepared.workflowInput),
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

  private voicemailLogged(ticketId: string): ConflictException {
    return new ConflictException(`留言已登记为工单 ${ticketId}`);
  }

  private async createOnce(key: string, hash: string, prepared: Prepared): Promise<CreateResult> {
    let record = await this.keys.find(key);
    if (!record) {
      if (prepared.voicemailLoggedAs) throw this.voicemailLogged(prepared.voicemailLoggedAs);
      const ticketId = await this.ids.claim();
      try {
        await this.keys.create({
          _id: key,
          scope: 'POST /api/tickets',
          bodyHash: hash,
          ticketId,
          prepared: { ...prepared.workflowInput, ticketId } as unknown as Record<string, unknown>,
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Another process stored the same key first: carry on with its ticket.
        record = await this.keys.find(key);
        if (!record) throw error;
      }
      if (!record) {
        const response = await this.complete(ticketId, prepared, prepared.workflowInput);
        await this.saveResponse(key, response);
        return { replayed: false, body: response };
      }
    }
    if (record.bodyHash !== hash || !record.ticketId) throw keyReused();
    if (record.response)
      return { replayed: true, body: record.response as unknown as TicketCreated };
    const stored = record.prepared as unknown as TicketWorkflowInput;
    const response = await this.complete(record.ticketId, prepared, stored);
    await this.saveResponse(key, response);
    return { replayed: true, body: response };
  }

  /** Stores the response replayed to later duplicates (a separate step, so tests can fail it). */
  async saveResponse(key: string, response: TicketCreated): Promise<void> {
    await this.keys.saveResponse(key, response);
  }

  /** Each step is idempotent: the ledger insert and the workflow start tolerate "already there". */
  private async complete(
    ticketId: string,
    prepared: Prepared,
    stored: Omit<TicketWorkflowInput, 'ticketId'>,
  ): Promise<TicketCreated> {
    const { input } = prepared;
    const workflowInput: TicketWorkflowInput = { ...stored, ticketId };
    const disposition = workflowInput.disposition;
    const transfer = [disposition, ...disposition.alsoRoutes].find((r) => r.action === 'transfer');
    const workflowId = ticketWorkflowId(ticketId);
    await this.starts.begin('ticket', ticketId, workflowId);
    try {
      await this.models.ledger.tickets.create({
        _id: ticketId,
        workflowId: ticketWorkflowId(ticketId),
        type: input.type,
        channel: input.channel,
        complaint: input.complaint,
        caseNumber: input.caseNumber,
        caller: { name: input.caller.name, phone: input.caller.phone },
        content: input.content,
        answer: input.answer,
        flags: input.flags,
        status: 'open',
        redLight: false,
        disposition: disposition as unknown as Record<string, unknown>,
        handlerId: transfer?.target?.id ?? null,
        departmentId: transfer?.departmentId ?? disposition.departmentId ?? null,
        deadlines: {},
        receivedAt: new Date(workflowInput.receivedAt),
        ringAt: input.ringAt ? new Date(input.ringAt) : null,
        answeredAt: input.answeredAt ? new Date(input.answeredAt) : null,
        loggedBy: workflowInput.loggedBy,
        voicemailId: input.voicemailId,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    await this.models.callers.add([
      { id: ticketId, type: input.type, phone: input.caller.phone, caseNumber: input.caseNumber },
    ]);
    let view: TicketView | null;
    try {
      view = await this.startWorkflow(workflowInput);
    } catch (error) {
      // Not started (or not known to be): keep the row only if Temporal has the workflow.
      await this.starts.settle({ _id: workflowId, kind: 'ticket', ref: ticketId }).catch(() => {
        this.logger.warn(`工单 ${ticketId} 的启动结果待补偿检查确认 (left to the reconciler)`);
      });
      throw error;
    }
    await this.starts.done(workflowId).catch(() => undefined); // else the reconciler finds it started
    if (input.voicemailId)
      await this.markVoicemailLogged(input.voicemailId, ticketId, workflowInput.loggedBy);
    const pub = publicDisposition(disposition)!;
    return {
      id: ticketId,
      workflowId: ticketWorkflowId(ticketId),
      status: view?.status ?? 'open',
      redLight: view?.redLight ?? false,
      disposition: pub,
      deadlines: view?.deadlines ?? {
        dispatchBy: null,
        feedbackBy: null,
        reminderBy: null,
        bulletinBy: null,
        callbackBy: null,
      },
      receivedAt: workflowInput.receivedAt,
      voicemailId: input.voicemailId,
    };
  }

  /**
   * Starts the ticket's workflow and answers its state once it has routed the ticket (its
   * first task), in one round trip: update-with-start. A running workflow (a retry) is used as
   * it is (`USE_EXISTING`; the same update id answers again without a second run); a finished
   * one is refused by the id reuse policy and queried instead. Null when the workflow is slow.
   */
  async startWorkflow(input: TicketWorkflowInput): Promise<TicketView | null> {
    const options = ticketWorkflowOptions(input, this.settings.ticketsTaskQueue);
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    try {
      return await this.temporal.withDeadline(deadline, () =>
        this.temporal.workflow.executeUpdateWithStart(awaitRoutedUpdate, {
          updateId: `routed-${input.ticketId}`,
          startWorkflowOperation: new WithStartWorkflowOperation<typeof ticketWorkflow>(
            'ticketWorkflow',
            { ...options, workflowIdConflictPolicy: 'USE_EXISTING' },
          ),
        }),
      );
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        return this.settledView(input.ticketId, deadline); // finished already: its last state
      }
      if (error instanceof WorkflowUpdateFailedError) {
        // Started, but the worker has no such update (an older worker): ask as before.
        return this.settledView(input.ticketId, deadline);
      }
      if (!isDeadlineExceeded(error)) throw error;
      // No answer in time (no worker, or a very busy one): make sure it runs, answer `open`.
      try {
        await this.temporal.withDeadline(Date.now() + START_TIMEOUT_MS, () =>
          this.temporal.workflow.start<typeof ticketWorkflow>('ticketWorkflow', options),
        );
      } catch (startError) {
        if (!(startError instanceof WorkflowExecutionAlreadyStartedError)) throw startError;
      }
      return null;
    }
  }

  private async markVoicemailLogged(voicemailId: string, ticketId: string, actorId: string) {
    try {
      await this.temporal.withDeadline(Date.now() + START_TIMEOUT_MS, () =>
        this.temporal.workflow
          .getHandle(voicemailWorkflowId(voicemailId))
          .executeUpdate(voicemailLoggedUpdate, { args: [{ ticketId, actorId }] }),
      );
    } catch (error) {
      const voicemail = await this.models.voicemails.findById(voicemailId).lean();
      if (voicemail?.ticketId === ticketId) return;
      this.logger.warn(
        `留言 ${voicemailId} 未能标记为已登记（工单 ${ticketId}）：${error instanceof Error ? error.message : error}`,
      );
    }
  }

  /** The workflow's state once it has routed the ticket (its first task), or null when it is slow. */
  private async settledView(ticketId: string, deadline: number): Promise<TicketView | null> {
    const handle = this.temporal.workflow.getHandle(ticketWorkflowId(ticketId));
    let delay = 5;
    for (;;) {
      try {
        const view = await handle.query(getTicketQuery);
        if (view.status !== 'open' || Date.now() > deadline) return view;
      } catch {
        if (Date.now() > deadline) return null;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 100);
    }
  }

  // ——— reading ———

  private async departmentsHeadedBy(user: Principal): Promise<string[]> {
    const directory = await this.directory.current();
    return directory
      .departments()
      .filter((d) => d.headId === user.id)
      .map((d) => d.id);
  }

  private seesAll(user: Principal): boolean {
    return user.roles.some((r) => (SEE_ALL as readonly string[]).includes(r));
  }

  private async assertMayRead(doc: TicketLedgerDoc, user: Principal): Promise<void> {
    if (this.seesAll(user)) return;
    if (doc.handlerId === user.id) return;
    const headed = await this.departmentsHeadedBy(user);
    if (doc.departmentId && headed.includes(doc.departmentId)) return;
    throw new ForbiddenException('无权查看该工单：仅限转办给本人或本部门的工单');
  }

  private async ledgerDoc(id: string): Promise<TicketLedgerDoc> {
    if (!/^T\d{8}-\d{4,}$/.test(id)) throw new NotFoundException(`未找到工单 ${id}`);
    const doc = await this.models.ledger.tickets.findById(id).lean();
    if (!doc) throw new NotFoundException(`未找到工单 ${id}`);
    return doc as TicketLedgerDoc;
  }

  private async respond(doc: TicketLedgerDoc, live: TicketView | null, user: Principal) {
    const events = live ? [] : await readTicketEvents(this.models.ledger.events, doc._id);
    const seePhone = user.roles.some((r) => (SEE_PHONE as readonly string[]).includes(r));
    return ticketResponse(doc, events, live, { maskCaller: !seePhone });
  }

  /** The ledger row of a ticket this person may read (404 unknown, 403 not theirs). */
  async readableTicket(id: string, user: Principal): Promise<TicketLedgerDoc> {
    const doc = await this.ledgerDoc(id);
    await this.assertMayRead(doc, user);
    return doc;
  }

  async get(id: string, user: Principal) {
    const doc = await this.ledgerDoc(id);
    await this.assertMayRead(doc, user);
    let live: TicketView | null = null;
    if (doc.status !== 'closed') {
      try {
        live = await this.temporal.withDeadline(Date.now() + QUERY_TIMEOUT_MS, () =>
          this.temporal.workflow.getHandle(doc.workflowId).query(getTicketQuery),
        );
      } catch {
        live = null; // finished, or the worker is away: the ledger is the answer
      }
    }
    return this.respond(doc, live, user);
  }

  async search(query: SearchTicketsDto, user: Principal) {
    const and: QueryFilter<TicketLedgerDoc>[] = [];
    const problems: FieldError[] = [];
    if (query.status) and.push({ status: { $in: query.status.split(',') } });
    const keyword = query.q?.trim();
    if (keyword) and.push(keywordFilter(keyword));
    if (query.type) and.push({ type: query.type });
    if (query.redLight) and.push({ redLight: query.redLight === 'true' });
    if (query.targetId) and.push({ handlerId: query.targetId });
    if (query.departmentId) and.push({ departmentId: query.departmentId });
    if (query.phone) {
      const phone = normalizePhone(query.phone);
      if (!phone) problems.push({ field: 'phone', message: '电话号码格式不正确' });
      else and.push({ 'caller.phone': phone });
    }
    if (query.caseNumber) {
      const number = normalizeCaseNumber(query.caseNumber);
      if (!number) problems.push({ field: 'caseNumber', message: '案号格式不正确' });
      else and.push({ caseNumber: number });
    }
    const from = query.from ? boundary(query.from, 'start') : undefined;
    const to = query.to ? boundary(query.to, 'end') : undefined;
    if (from === null) problems.push({ field: 'from', message: '起始时间应为 ISO 日期或时间' });
    if (to === null) problems.push({ field: 'to', message: '截止时间应为 ISO 日期或时间' });
    if (problems.length > 0) throw badRequest(problems);
    if (from || to) {
      and.push({ receivedAt: { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) } });
    }
    if (!this.seesAll(user)) {
      const headed = await this.departmentsHeadedBy(user);
      and.push({ $or: [{ handlerId: user.id }, { departmentId: { $in: headed } }] });
    }
    const filter = and.length > 0 ? { $and: and } : {};
    const page = query.page ?? 1;
    const limit = query.limit ?? 20;
    if (keyword) return this.searchOnce(filter, page, limit);
    const [docs, total] = await Promise.all([
      this.models.ledger.tickets
        .find(filter)
        .sort({ receivedAt: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean(),
      this.models.ledger.tickets.countDocuments(filter),
    ]);
    return { items: docs.map((d) => ticketListItem(d as TicketLedgerDoc)), total, page, limit };
  }

  /**
   * A keyword search in one pass over the ledger: FerretDB evaluates `$regex` itself on every
   * document, so `find` and `countDocuments` would each read the whole ledger. The matching ids
   * and receipt times give the total and the page; the page's documents are then read by id.
   */
  private async searchOnce(filter: QueryFilter<TicketLedgerDoc>, page: number, limit: number) {
    const matches = await this.models.ledger.tickets
      .find(filter, { _id: 1, receivedAt: 1 })
      .lean<{ _id: string; receivedAt: Date }[]>();
    matches.sort(
      (a, b) =>
        b.receivedAt.getTime() - a.receivedAt.getTime() ||
        (a._id < b._id ? 1 : a._id > b._id ? -1 : 0),
    );
    const ids = matches.slice((page - 1) * limit, page * limit).map((m) => m._id);
    const docs = await findByIds(this.models.ledger.tickets, ids);
    return {
      items: docs.map((d) => ticketListItem(d as TicketLedgerDoc)),
      total: matches.length,
      page,
      limit,
    };
  }

  // ——— messages to the workflow ———

  private async update(
    id: string,
    user: Principal,
    send: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<TicketView>,
  ) {
    const doc = await this.ledgerDoc(id);
    await this.availability.ensure();
    let view: TicketView;
    try {
      view = await send(this.temporal.workflow.getHandle(doc.workflowId));
    } catch (error) {
      throw toHttpError(error);
    }
    const fresh = (await this.models.ledger.tickets.findById(id).lean()) ?? doc;
    return this.respond(fresh as TicketLedgerDoc, view, user);
  }

  feedback(id: string, user: Principal, result: string) {
    return this.update(id, user, (h) =>
      h.executeUpdate(submitFeedbackUpdate, {
        args: [{ actorId: user.id, result: result.trim() }],
      }),
    );
  }

  repeatCall(id: string, user: Principal, note: string | null, notHandledInTime: boolean) {
    return this.update(id, user, (h) =>
      h.executeUpdate(recordRepeatCallUpdate, {
        args: [{ actorId: user.id, note, notHandledInTime }],
      }),
    );
  }

  acknowledge(id: string, user: Principal, note: string | null) {
    return this.update(id, user, (h) =>
      h.executeUpdate(acknowledgeEscalationUpdate, { args: [{ actorId: user.id, note }] }),
    );
  }

  remind(id: string, user: Principal, note: string | null) {
    return this.update(id, user, (h) =>
      h.executeUpdate(sendReminderUpdate, { args: [{ actorId: user.id, note }] }),
    );
  }

  callback(
    id: string,
    user: Principal,
    input: { reached: boolean; satisfied: boolean | null; note: string | null },
  ) {
    return this.update(id, user, (h) =>
      h.executeUpdate(recordCallbackUpdate, { args: [{ actorId: user.id, ...input }] }),
    );
  }

  // ——— the lifecycle additions ———

  accept(id: string, user: Principal) {
    return this.update(id, user, (h) =>
      h.executeUpdate(acceptTicketUpdate, { args: [{ actorId: user.id }] }),
    );
  }

  progress(id: string, user: Principal, note: string) {
    return this.update(id, user, (h) =>
      h.executeUpdate(recordProgressUpdate, { args: [{ actorId: user.id, note: note.trim() }] }),
    );
  }

  returnTicket(id: string, user: Principal, reason: string) {
    return this.update(id, user, (h) =>
      h.executeUpdate(returnTicketUpdate, { args: [{ actorId: user.id, reason: reason.trim() }] }),
    );
  }

  /** 改派 to a handler of the directory; the head of their department is told too (Art. 5). */
  async reassign(id: string, user: Principal, targetId: string, reason: string) {
    const directory = await this.directory.current();
    const person = directory.person(targetId);
    if (person?.role !== 'handler') {
      const message = `改派对象 ${targetId} 不是通讯录中的承办人`;
      throw badRequest([{ field: 'targetId', message }], message);
    }
    const target: DispositionTarget = { id: person.id, name: person.name, role: person.role };
    return this.update(id, user, (h) =>
      h.executeUpdate(reassignTicketUpdate, {
        args: [
          {
            actorId: user.id,
            reason: reason.trim(),
            target,
            departmentId: person.departmentId,
            departmentHead: headOf(directory, person.departmentId),
          },
        ],
      }),
    );
  }

  /** `until`: an ISO instant, or a date (the end of that Shanghai day, 23:59). */
  requestExtension(id: string, user: Principal, until: string, reason: string) {
    const ms = isCivilDate(until)
      ? shanghaiInstant(until, 24 * 60 - 1)
      : isIsoInstant(until)
        ? toEpochMs(until)
        : null;
    if (ms === null || ms <= Date.now()) {
      const message =
        ms === null
          ? '延期至应为日期或带时区的 ISO 时间，如 2026-12-10 或 2026-12-10T17:30:00+08:00'
          : '延期至的时间应晚于现在';
      throw badRequest([{ field: 'until', message }], message);
    }
    const at = new Date(ms).toISOString();
    return this.update(id, user, (h) =>
      h.executeUpdate(requestExtensionUpdate, {
        args: [{ actorId: user.id, until: at, reason: reason.trim() }],
      }),
    );
  }

  decideExtension(id: string, user: Principal, approve: boolean, note: string | null) {
    const asSupervisor = user.roles.includes('supervisor');
    return this.update(id, user, (h) =>
      h.executeUpdate(decideExtensionUpdate, {
        args: [{ actorId: user.id, asSupervisor, approve, note: note?.trim() || null }],
      }),
    );
  }

  /**
   * The timeline entry of a stored attachment. The file is kept whatever happens here: a
   * finished ticket, or Temporal away, only leaves the entry out (logged).
   */
  async noteAttachment(
    doc: TicketLedgerDoc,
    user: Principal,
    attachment: { attachmentId: string; name: string },
  ): Promise<void> {
    if (doc.status === 'closed') return;
    try {
      await this.temporal.withDeadline(Date.now() + QUERY_TIMEOUT_MS * 2, () =>
        this.temporal.workflow
          .getHandle(doc.workflowId)
          .executeUpdate(recordAttachmentUpdate, { args: [{ actorId: user.id, ...attachment }] }),
      );
    } catch (error) {
      this.logger.warn(
        `attachment ${attachment.attachmentId} of ${doc._id} stored without a timeline entry: ${String(error)}`,
      );
    }
  }
}

/** The head of a department as a notice target, when the department and its head are known. */
function headOf(directory: Directory, departmentId: string | null): DispositionTarget | null {
  const department = departmentId ? directory.department(departmentId) : undefined;
  const head = department ? directory.person(department.headId) : undefined;
  return head ? { id: head.id, name: head.name, role: head.role } : null;
}

/** A `from`/`to` query bound: a date means the Shanghai day (`to` includes it); null when bad. */
function boundary(text: string, side: 'start' | 'end'): Date | null {
  if (isCivilDate(text)) return new Date(shanghaiInstant(text, side === 'end' ? 24 * 60 : 0));
  return isIsoInstant(text) ? new Date(toEpochMs(text)) : null;
}
