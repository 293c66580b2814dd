import type { TicketDeadlines } from '../../libs/domain/src/ticket';
import type { TicketState } from './ticket-state';

/** The fields of a `TicketState` that change during its life and are replaced whole. */
const VALUE_FIELDS = [
  'routeStatus',
  'redLight',
  'deadlines',
  'feedback',
  'callback',
  'dispatchedAt',
  'overdueAt',
  'remindedAt',
  'reminders',
  'bulletinedAt',
  'handledAt',
  'closedAt',
  'callbackDue',
  'warned',
  'reminderLateNoticeSent',
  'escalation',
  'deadlineEpoch',
  'acceptedAt',
  'handler',
  'departmentId',
  'departmentHead',
] as const;

/** The lists a `TicketState` only appends to (its own, read-only arrays). */
const LIST_FIELDS = [
  'timeline',
  'repeatCalls',
  'progressNotes',
  'returns',
  'reassignments',
  'extensions',
] as const;

type ValueField = (typeof VALUE_FIELDS)[number];
type ListField = (typeof LIST_FIELDS)[number];

/** A ticket's state as plain JSON, for the next run of its workflow (continue-as-new). */
export type TicketStateSnapshot = Pick<TicketState, ValueField> & {
  -readonly [K in ListField]: TicketState[K][number][];
} & { provisional: (keyof TicketDeadlines)[] };

/** Everything a ticket's state holds beyond its input, detached from the live object. */
export function snapshotTicketState(state: TicketState): TicketStateSnapshot {
  const snapshot = {
    ...Object.fromEntries(VALUE_FIELDS.map((field) => [field, state[field]])),
    ...Object.fromEntries(LIST_FIELDS.map((field) => [field, state[field]])),
    provisional: [...state.provisional],
  };
  return JSON.parse(JSON.stringify(snapshot)) as TicketStateSnapshot;
}

/** Puts a snapshot back into a state freshly built from the same input. */
export function restoreTicketState(state: TicketState, snapshot: TicketStateSnapshot): void {
  const copy = JSON.parse(JSON.stringify(snapshot)) as TicketStateSnapshot;
  Object.assign(state, Object.fromEntries(VALUE_FIELDS.map((field) => [field, copy[field]])));
  for (const field of LIST_FIELDS) {
    (state[field] as unknown[]).splice(0, state[field].length, ...copy[field]);
  }
  state.provisional.clear();
  for (const name of copy.provisional) state.provisional.add(name);
}
