import '../support/in-memory-tracing';
import { randomBytes } from 'node:crypto';
import type { INestApplication, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { Client, Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import mongoose from 'mongoose';
import request from 'supertest';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { NotificationModule } from '../../apps/notification/src/notification.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { configureHttpApp } from '../../libs/common/src';
import { notificationModels } from '../../libs/database/src';
import {
  activeTracing,
  shutdownTracing,
  withWorkerTracing,
  workflowTracingModules,
} from '../../libs/telemetry/src';
import { ensureNamespace } from '../../libs/temporal/src/namespace-setup';
import { TICKET_SEARCH_ATTRIBUTES } from '../../workflows/ticket/contract';
import { tracedSpans } from '../support/in-memory-tracing';
import { DEMO_PASSWORD, filingComplaint } from '../support/intake-app';
import { eventually, testDataConverter } from '../support/temporal-harness';
import { testEnv } from '../support/test-env';
import { seedDirectoryPeople } from '../support/ticket-harness';

/**
 * One trace from `POST /api/tickets` to the SMS: the intake, the ticket worker and the
 * notification service in-process with tracing on (spans in memory), on a namespace of this
 * file's own, so that no other test file's worker takes the `notifications` activity.
 */
describe('traces: one call, one trace, from the HTTP request to the SMS', () => {
  const env = testEnv();
  const namespace = `${env.namespace}-traces`;
  const saved = { ...process.env };
  const apps: INestApplication[] = [];
  let connection: Connection;
  let database: mongoose.Connection;
  let intake: NestExpressApplication;

  async function startApp(module: Type<unknown>): Promise<NestExpressApplication> {
    const moduleRef = await Test.createTestingModule({ imports: [module] }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      logger: false,
    });
    configureHttpApp(app, 'test');
    await app.init();
    apps.push(app);
    return app;
  }

  beforeAll(async () => {
    connection = await Connection.connect({ address: env.temporalAddress });
    await ensureNamespace(connection, namespace, TICKET_SEARCH_ATTRIBUTES, 1);
    Object.assign(process.env, { TEMPORAL_NAMESPACE: namespace, WORKER_METRICS_PORT: 'off' });
    delete process.env.TICKETS_TASK_QUEUE;
    database = await mongoose.createConnection(env.mongodbUri).asPromise();
    await seedDirectoryPeople(database);
    await startApp(WorkerModule);
    await startApp(NotificationModule);
    intake = await startApp(IntakeModule);
  });

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    await shutdownTracing();
    await database?.close();
    await connection?.operatorService.deleteNamespace({ namespace }).catch(() => undefined);
    await connection?.close();
    process.env = saved;
  });

  async function as(username: string) {
    const login = await request(intake.getHttpServer())
      .post('/api/auth/login')
      .send({ username, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const auth = `Bearer ${login.body.accessToken}`;
    return (path: string, body: object, headers: Record<string, string> = {}) =>
      request(intake.getHttpServer()).post(path).set('Authorization', auth).set(headers).send(body);
  }

  const named = (spans: ReadableSpan[], name: string) => spans.filter((s) => s.name === name);

  it('follows a transfer from POST /api/tickets through the workflow to the SMS activity', async () => {
    // The caller's own trace context (W3C traceparent) is the one the whole chain joins.
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const traceparent = `00-${traceId}-${callerSpanId}-01`;
    const agent = await as('agent01');
    const created = await agent(
      '/api/tickets',
      filingComplaint({
        type: 'contact_judge',
        complaint: null,
        flags: { urgent: false, abusive: false, litigationRights: false, couldNotReachJudge: true },
        content: '多次联系承办法官未果，请转告李法官回电',
      }),
      { traceparent },
    );
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect(created.body.status).toBe('dispatched');

    // The dispatch SMS to the judge is in the outbox: the notifications activity ran.
    await eventually(async () => {
      const sms = await notificationModels(database).sms.find({ ticketId: id, kind: 'dispatch' });
      expect(sms.length).toBeGreaterThan(0);
    }, 'dispatch SMS');
    // The workflow's own span ends with the workflow: feed back and call back to close it.
    expect(
      (await (await as('judge01'))(`/api/tickets/${id}/feedback`, { result: '已回电' })).status,
    ).toBe(200);
    const closed = await agent(`/api/tickets/${id}/callback`, { reached: true, satisfied: true });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');

    const trace = await eventually(async () => {
      const spans = tracedSpans
        .getFinishedSpans()
        .filter((s) => s.spanContext().traceId === traceId);
      expect(named(spans, 'RunWorkflow:ticketWorkflow')).toHaveLength(1);
      expect(named(spans, 'RunActivity:deliverNotices').length).toBeGreaterThan(0);
      return spans;
    }, 'the trace of the ticket');

    const server = trace.find(
      (s) => s.name.startsWith('POST') && s.attributes['http.target'] === '/api/tickets',
    );
    expect(server?.name).toBe('POST /api/tickets');
    expect(server?.parentSpanId).toBe(callerSpanId);
    const start = trace.find((s) => s.name.startsWith('UpdateWithStartWorkflow:'));
    expect(start?.attributes.temporalWorkflowId).toBe(`ticket-${id}`);
    expect(start?.parentSpanId).toBe(server?.spanContext().spanId);
    const run = named(trace, 'RunWorkflow:ticketWorkflow')[0]!;
    expect(run.parentSpanId).toBe(start?.spanContext().spanId);
    // The SMS activity runs under the workflow's StartActivity, itself under RunWorkflow.
    const sms = named(trace, 'RunActivity:deliverNotices')[0]!;
    const scheduled = trace.find((s) => s.spanContext().spanId === sms.parentSpanId);
    expect(scheduled?.name).toBe('StartActivity:deliverNotices');
    expect(scheduled?.parentSpanId).toBe(run.spanContext().spanId);
    expect(sms.attributes.temporalWorkflowId).toBe(`ticket-${id}`);
    // Workflow spans come through the worker's sink with the process's resource.
    expect(run.resource.attributes['service.name']).toBe(activeTracing()?.serviceName);

    // The feedback is a trace of its own, through the update's headers into the workflow.
    const feedback = tracedSpans
      .getFinishedSpans()
      .find((s) => s.name === 'HandleUpdate:submitFeedback');
    expect(feedback?.spanContext().traceId).not.toBe(traceId);
    expect(
      tracedSpans
        .getFinishedSpans()
        .some(
          (s) =>
            s.name.startsWith('StartWorkflowUpdate:') &&
            s.spanContext().traceId === feedback?.spanContext().traceId,
        ),
    ).toBe(true);

    // A traced history replays with the workflow code as it is without tracing, and with it.
    const client = new Client({ connection, namespace, dataConverter: testDataConverter() });
    const handle = client.workflow.getHandle(`ticket-${id}`);
    const history = await handle.fetchHistory();
    const workflowsPath = require.resolve('../../workflows');
    const dataConverter = testDataConverter();
    await Worker.runReplayHistory({ workflowsPath, dataConverter }, history, `untraced-${id}`);
    await Worker.runReplayHistory(
      withWorkerTracing({
        workflowsPath,
        dataConverter,
        interceptors: { workflowModules: workflowTracingModules() },
      }),
      history,
      `traced-${id}`,
    );
  });
});
