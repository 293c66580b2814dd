/**
 * What to ask `POST /api/tickets/proposal` while the agent types, and when.
 *
 * The rules of Article 4 decide from the type, complaint category, case number and flags only;
 * the caller's earlier tickets come from the phone number and the case number. So the request
 * carries those, and fixed stand-ins for what the API requires but the rules never read (name,
 * content): typing the content sends nothing, and a half-filled form still gets its
 * disposition and its caller's history.
 */
import { parsePhone } from '../../../../../libs/domain/src/phone';
import type { TicketType } from '../../lib/labels';
import {
  type CallSource,
  type IntakeValues,
  showsComplaintFields,
  type TicketBody,
  toTicketBody,
} from './ticket-body';

export const STAND_IN = {
  name: '待填写',
  content: '待填写',
  /** Any valid number; its history is never shown (`callerKnown` is false). */
  phone: '13800000000',
  /** Routes nowhere special: lets the API answer with the history alone. */
  type: 'other' as TicketType,
};

export interface ProposalAttempt {
  body: TicketBody;
  /** The body has the caller's own number: the history and suggestions are theirs. */
  callerKnown: boolean;
  /** The body has the agent's type (and category): the disposition is the call's. */
  dispositionKnown: boolean;
}

export interface ProposalRequest extends ProposalAttempt {
  /** Equal keys ask the same question. */
  key: string;
}

export function isValidPhone(phone: string | undefined): boolean {
  return !!phone?.trim() && parsePhone(phone).ok;
}

function typeChosen(values: IntakeValues): boolean {
  if (!values.type) return false;
  return !showsComplaintFields(values.type) || !!values.complaint?.category;
}

/** The proposal to ask for these values, or null while there is nothing to ask about. */
export function proposalRequest(values: IntakeValues, source: CallSource): ProposalRequest | null {
  const full = toTicketBody(values, source, false);
  const callerKnown = isValidPhone(full.caller.phone);
  const dispositionKnown = typeChosen(values);
  if (!callerKnown && !dispositionKnown) return null;
  const body: TicketBody = {
    channel: 'phone',
    caller: { name: STAND_IN.name, phone: callerKnown ? full.caller.phone : STAND_IN.phone },
    type: dispositionKnown ? full.type : STAND_IN.type,
    complaint: dispositionKnown ? full.complaint : null,
    caseNumber: full.caseNumber,
    content: STAND_IN.content,
    answer: null,
    flags: full.flags,
    ringAt: null,
    answeredAt: null,
    override: null,
  };
  // The same body can be a stand-in's or the agent's own choice (type 其他): the key tells them apart.
  return {
    body,
    callerKnown,
    dispositionKnown,
    key: JSON.stringify([callerKnown, dispositionKnown, body]),
  };
}

/**
 * After a 400, the next question worth asking, or null. A case number being typed is not yet
 * one: ask again without it. When the rules still cannot decide, ask for the history alone.
 */
export function nextAttempt(
  attempt: ProposalAttempt,
  errorFields: readonly string[],
): ProposalAttempt | null {
  const caseIsTheProblem = attempt.body.caseNumber !== null && errorFields.includes('caseNumber');
  if (attempt.dispositionKnown) {
    if (caseIsTheProblem && errorFields.every((f) => f === 'caseNumber')) {
      return { ...attempt, body: { ...attempt.body, caseNumber: null } };
    }
    return historyOnly(attempt);
  }
  return caseIsTheProblem && attempt.callerKnown
    ? { ...attempt, body: { ...attempt.body, caseNumber: null } }
    : null;
}

function historyOnly(attempt: ProposalAttempt): ProposalAttempt | null {
  if (!attempt.callerKnown || !attempt.dispositionKnown) return null;
  return {
    callerKnown: true,
    dispositionKnown: false,
    body: {
      ...attempt.body,
      type: STAND_IN.type,
      complaint: null,
      flags: { ...attempt.body.flags, urgent: false, abusive: false, couldNotReachJudge: false },
    },
  };
}

/** Typing a number waits for a pause; a choice (type, category, a flag) is asked at once. */
export const TYPING_PAUSE_MS = 400;

export function proposalDelay(previous: TicketBody | null, next: TicketBody | null): number {
  if (!previous || !next) return TYPING_PAUSE_MS;
  const typed =
    previous.caller.phone !== next.caller.phone || previous.caseNumber !== next.caseNumber;
  return typed ? TYPING_PAUSE_MS : 0;
}
