/**
 * The lag from a feedback deadline to the red light in the ledger, on the running embedded
 * stack (`npm start`): starts N transferred tickets whose feedback window ends at the same
 * moment, waits for each ticket's ledger document to show the red light, and prints the lag
 * (ledger write time − deadline) at p50/p99/max. Target: p99 under 1 s over 100 tickets.
 *
 *   npm run bench:red-light [-- <tickets>]
 */
import { Client, Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { readSetting } from '../libs/config/src/service-config';
import { ledgerModels } from '../libs/database/src';
import { createDirectory, DEMO_DIRECTORY, parsePolicy } from '../libs/domain/src';
import { ticketWorkflowOptions } from '../workflows/ticket/contract';
import { percentile, petitionTicket } from './bench-kit';
import { reportFigures } from './bench-report';
import { stackDataConverter } from './stack-data-converter';

const COUNT = Number(process.argv[2] ?? 100);
const WINDOW_SECONDS = 15;

async function main(): Promise<void> {
  const env = process.env;
  const connection = await Connection.connect({ address: readSetting(env, 'TEMPORAL_ADDRESS') });
  const client = new Client({
    connection,
    namespace: readSetting(env, 'TEMPORAL_NAMESPACE'),
    dataConverter: stackDataConverter(env),
  });
  const database = await mongoose.createConnection(readSetting(env, 'MONGODB_URI')).asPromise();
  const ledger = ledgerModels(database);

  const directory = createDirectory(DEMO_DIRECTORY);
  const head = directory.person('head-petition')!;
  const run = Date.now().toString(36);
  // Every ticket's window ends together: a burst of deadlines, the hard case.
  const policy = parsePolicy({
    POLICY_FEEDBACK_WITHIN: `${WINDOW_SECONDS}s`,
    POLICY_REMINDER_WITHIN: '1h',
    POLICY_AUTO_REMIND: 'false',
    NOTIFY_QUIET_HOURS: 'off',
  });

  console.log(`starting ${COUNT} tickets with a ${WINDOW_SECONDS} s feedback window…`);
  const ids: string[] = [];
  for (let i = 0; i < COUNT; i += 1) {
    const input = petitionTicket(`BENCH-${run}-${String(i).padStart(4, '0')}`, policy, {
      id: head.id,
      name: head.name,
      role: head.role,
    });
    await client.workflow.start('ticketWorkflow', ticketWorkflowOptions(input));
    ids.push(input.ticketId);
    if ((i + 1) % 25 === 0) console.log(`  started ${i + 1}/${COUNT}`);
  }

  // The lag is read from the ledger documents' own times, so the bench need not watch them as
  // the deadlines pass: it waits, then reads each ticket by `_id` (a query on anything else
  // scans the whole ledger on the embedded FerretDB and would compete with the writes measured).
  const lags: number[] = [];
  const timerLags: number[] = [];
  const waitUntil = Date.now() + (WINDOW_SECONDS + 120) * 1000;
  const pending = new Set(ids);
  await new Promise((resolve) => setTimeout(resolve, (WINDOW_SECONDS + 5) * 1000));
  while (pending.size > 0 && Date.now() < waitUntil) {
    for (const id of [...pending]) {
      const doc = await ledger.tickets
        .findById(id, { deadlines: 1, updatedAt: 1, overdueAt: 1, redLight: 1 })
        .lean();
      if (!doc?.redLight) continue;
      const deadline = (doc.deadlines as Record<string, Date | null>).feedbackBy;
      if (!deadline) continue;
      lags.push(new Date(doc.updatedAt).getTime() - new Date(deadline).getTime());
      if (doc.overdueAt)
        timerLags.push(new Date(doc.overdueAt).getTime() - new Date(deadline).getTime());
      pending.delete(id);
    }
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
  }

  for (const id of ids) {
    await client.workflow
      .getHandle(`ticket-${id}`)
      .terminate('benchmark done')
      .catch(() => undefined);
  }
  await ledger.tickets.deleteMany({ _id: { $in: ids } });
  await ledger.events.deleteMany({ ticketId: { $in: ids } });
  await database.close();
  await connection.close();

  if (pending.size > 0) {
    console.log(`${pending.size} tickets never showed the red light within the wait`);
    process.exitCode = 1;
  }
  lags.sort((a, b) => a - b);
  timerLags.sort((a, b) => a - b);
  console.log(
    `of which the timer firing in the workflow (ms): p50 ${percentile(timerLags, 50)}, ` +
      `p99 ${percentile(timerLags, 99)}, max ${timerLags.at(-1)}`,
  );
  reportFigures('red-light', [
    {
      figure: `red light in the ledger after ${COUNT} simultaneous deadlines p99`,
      value: percentile(lags, 99),
      unit: 'ms',
      aim: { below: 1000 },
      note: `timer firing p99 ${percentile(timerLags, 99)} ms`,
    },
  ]);
  console.log(
    `red light in the ledger after the deadline (ms, ${lags.length} tickets): ` +
      `p50 ${percentile(lags, 50)}, p99 ${percentile(lags, 99)}, max ${lags.at(-1)}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
