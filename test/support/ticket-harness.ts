import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { createNotificationActivities } from '../../activities';
import { ticketActivities } from '../../apps/worker/src/ticket-worker.provider';
import {
  directoryPersonModel,
  ledgerModels,
  notificationModels,
  Storage,
} from '../../libs/database/src';
import {
  createDirectory,
  DEMO_DIRECTORY,
  decideDisposition,
  NO_FLAGS,
  type Policy,
  parsePolicy,
  type RoutingInput,
  type TicketFlags,
} from '../../libs/domain/src';
import { type TicketWorkflowInput } from '../../workflows/ticket/contract';

export const demoDirectory = createDirectory(DEMO_DIRECTORY);

/** A policy with every duration short enough to run paths on the real dev server in seconds. */
export function shortPolicy(overrides: Record<string, string> = {}): Policy {
  return parsePolicy({
    POLICY_DISPATCH_WITHIN: '2h',
    POLICY_FEEDBACK_WITHIN: '4s',
    POLICY_REMINDER_WITHIN: '2s',
    POLICY_BULLETIN_AFTER: '2s',
    POLICY_ESCALATION_ACK_WITHIN: '2s',
    POLICY_CALLBACK_WITHIN: '60s',
    POLICY_WARN_AT: '0.5',
    NOTIFY_QUIET_HOURS: 'off',
    ...overrides,
  });
}

/** A ticket's workflow input, routed by the real rule table against the demo directory. */
export function ticketInput(
  routing: Partial<RoutingInput> & { type: RoutingInput['type'] },
  policy?: Policy,
  flags: Partial<TicketFlags> = {},
): TicketWorkflowInput {
  const input = { complaint: null, caseNumber: null, ...routing, flags: { ...NO_FLAGS, ...flags } };
  const decided = decideDisposition(input, demoDirectory);
  if (!decided.ok) throw new Error(`test input does not route: ${JSON.stringify(decided.errors)}`);
  const disposition = decided.value;
  const transfer = [disposition, ...disposition.alsoRoutes].find((r) => r.action === 'transfer');
  const department = transfer?.departmentId
    ? demoDirectory.department(transfer.departmentId)
    : undefined;
  const head = department ? demoDirectory.person(department.headId) : undefined;
  return {
    ticketId: `T${randomUUID().slice(0, 8)}`,
    type: input.type,
    caseNumber: input.caseNumber,
    flags: input.flags,
    receivedAt: new Date().toISOString(),
    disposition,
    departmentHead: head ? { id: head.id, name: head.name, role: head.role } : null,
    policy,
    loggedBy: 'agent01',
  };
}

/** The demo people with their phones, so that SMS have somewhere to go. */
export async function seedDirectoryPeople(connection: Connection): Promise<void> {
  const people = directoryPersonModel(connection);
  await people.bulkWrite(
    DEMO_DIRECTORY.people.map((p) => ({
      updateOne: {
        filter: { _id: p.id },
        update: {
          $set: {
            name: p.name,
            role: p.role,
            departmentId: p.departmentId ?? null,
            phone: p.phone ?? null,
          },
        },
        upsert: true,
      },
    })),
  );
}

/**
 * The tests' policy environment: no quiet hours, so that an SMS a test waits for goes out at any
 * hour (the default 22:00–07:00 Shanghai time held it in evening runs); the quiet-hours tests set
 * their own.
 */
const ANY_HOUR: NodeJS.ProcessEnv = { NOTIFY_QUIET_HOURS: 'off' };

/** Every activity the workflows call, wired to the real database. */
export function allActivities(connection: Connection, env: NodeJS.ProcessEnv = ANY_HOUR) {
  const storage = new Storage(connection);
  return {
    tickets: ticketActivities(storage, env),
    notifications: createNotificationActivities({ storage }),
  };
}

/** What the ledger and the notification stores hold for one ticket. */
export async function storedFor(connection: Connection, ticketId: string) {
  const ledger = ledgerModels(connection);
  const notices = notificationModels(connection);
  const [ticket, events, inbox, sms] = await Promise.all([
    ledger.tickets.findById(ticketId).lean(),
    ledger.events.find({ ticketId }).sort({ seq: 1 }).lean(),
    notices.inbox.find({ ticketId }).sort({ createdAt: 1 }).lean(),
    notices.sms.find({ ticketId }).sort({ createdAt: 1 }).lean(),
  ]);
  return { ticket, events, inbox, sms };
}
