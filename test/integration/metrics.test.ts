import { writeFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Runtime } from '@temporalio/worker';
import request from 'supertest';
import { loadUpstreams, ownsPath } from '../../apps/intake/src/web/upstreams';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { OpenTicketsGauge } from '../../libs/telemetry/src/metrics/open-tickets';
import { TEMPORAL_SDK_METRICS } from '../../libs/telemetry/src/metrics/temporal-sdk-metrics';
import { freePort } from '../../scripts/stack/probes';
import { filingComplaint, IntakeTestApp } from '../support/intake-app';
import { startNotificationApp } from '../support/notification-app';
import { parseScrape, type Scrape, total } from '../support/prometheus-text';
import { startReportingApp } from '../support/reporting-app';
import { eventually } from '../support/temporal-harness';

/**
 * `/metrics` of the four apps in-process (one registry: they share this process) and the
 * ticket worker's SDK metrics port, after tickets went through their lives.
 */
describe('metrics: the hotline’s figures, HTTP durations and the Temporal SDK’s', () => {
  const intake = new IntakeTestApp();
  let worker: INestApplication;
  let notification: INestApplication;
  let reporting: INestApplication;
  let sdkPort: number;

  beforeAll(async () => {
    // jest's set-up installed a runtime without metrics, and nothing uses it yet: the ticket
    // worker app installs its own, with the SDK's metrics on WORKER_METRICS_PORT, as in
    // production, before the harness's connections would create a default one.
    await Runtime._instance?.shutdown();
    sdkPort = await freePort();
    process.env.WORKER_METRICS_PORT = String(sdkPort);
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    worker = moduleRef.createNestApplication({ logger: false });
    await worker.init();
    await intake.start();
    notification = await startNotificationApp();
    reporting = (await startReportingApp()).app;
  });

  afterAll(async () => {
    await reporting?.close();
    await notification?.close();
    await intake.stop();
    await worker?.close();
  });

  const scrape = async (app: INestApplication): Promise<Scrape> => {
    const response = await request(app.getHttpServer()).get('/metrics');
    expect(response.status).toBe(200);
    return parseScrape(response.text);
  };

  const sdkScrape = async (): Promise<Scrape> => {
    const response = await fetch(`http://127.0.0.1:${sdkPort}/metrics`);
    expect(response.status).toBe(200);
    return parseScrape(await response.text());
  };

  it('moves the figures as tickets are logged, dispatched and notified', async () => {
    const before = await scrape(worker);

    const agent = await intake.as('agent01');
    const transfer = await agent.post('/api/tickets').send(filingComplaint());
    expect(transfer.status).toBe(201);
    const answered = await agent.post('/api/tickets').send(
      filingComplaint({
        type: 'case_inquiry',
        complaint: null,
        answer: '已告知案件进展',
        flags: {
          urgent: false,
          abusive: false,
          litigationRights: false,
          couldNotReachJudge: false,
        },
      }),
    );
    expect(answered.status).toBe(201);
    expect((await agent.get(`/api/tickets/${transfer.body.id}`)).status).toBe(200);

    await eventually(async () => {
      const now = await scrape(worker);
      const moved = (name: string, labels: Record<string, string> = {}) =>
        total(now, name, labels) - total(before, name, labels);
      expect(moved('court_tickets_logged_total', { type: 'complaint' })).toBe(1);
      expect(moved('court_tickets_logged_total', { type: 'case_inquiry' })).toBe(1);
      expect(moved('court_dispatches_total')).toBe(1);
    }, 'tickets logged and dispatched on the worker’s /metrics');

    // The dispatch notifies the handler in-app and by SMS, and the caller by SMS (the outbox
    // sends on insert).
    await eventually(async () => {
      const now = await scrape(notification);
      const moved = (labels: Record<string, string>) =>
        total(now, 'court_notices_total', labels) - total(before, 'court_notices_total', labels);
      expect(moved({ channel: 'inapp', outcome: 'sent' })).toBeGreaterThanOrEqual(1);
      expect(moved({ channel: 'sms', outcome: 'sent' })).toBeGreaterThanOrEqual(2);
      expect(moved({ channel: 'sms', outcome: 'failed' })).toBe(0);
    }, 'notices on the notification service’s /metrics');

    const intakeScrape = await scrape(intake.app);
    const posted = { method: 'POST', route: '/api/tickets', status: '201' };
    expect(total(intakeScrape, 'http_request_duration_seconds_count', posted)).toBeGreaterThan(
      total(before, 'http_request_duration_seconds_count', posted),
    );
    const read = { method: 'GET', route: '/api/tickets/:id', status: '200' };
    expect(total(intakeScrape, 'http_request_duration_seconds_count', read)).toBeGreaterThan(0);
    // never a raw URL, never the scrape itself
    const routes = new Set(intakeScrape.samples.map((s) => s.labels.route).filter(Boolean));
    expect([...routes].filter((r) => r!.includes(transfer.body.id))).toEqual([]);
    expect(routes.has('/metrics')).toBe(false);

    // The reporting service's background count (once a minute), asked for now.
    await eventually(async () => {
      await reporting.get(OpenTicketsGauge).refresh();
      const open = await scrape(reporting);
      expect(open.types.get('court_open_tickets')).toBe('gauge');
      expect(total(open, 'court_open_tickets', { status: 'dispatched' })).toBeGreaterThanOrEqual(1);
      expect(total(open, 'court_open_tickets', { status: 'closed' })).toBe(0);
    }, 'the transfer among the open tickets');
  });

  it('serves the Temporal SDK’s metrics on WORKER_METRICS_PORT, as TEMPORAL_SDK_METRICS lists', async () => {
    const sdk = await eventually(async () => {
      const scraped = await sdkScrape();
      expect(
        total(scraped, 'temporal_workflow_task_schedule_to_start_latency_count'),
      ).toBeGreaterThan(0);
      return scraped;
    }, 'SDK metrics after workflow tasks');
    if (process.env.DUMP_SDK_METRICS) {
      const raw = await (await fetch(`http://127.0.0.1:${sdkPort}/metrics`)).text();
      writeFileSync(process.env.DUMP_SDK_METRICS, raw);
    }
    const missing = TEMPORAL_SDK_METRICS.filter(({ name, type }) => sdk.types.get(name) !== type);
    expect(missing).toEqual([]);
    expect(total(sdk, 'temporal_num_pollers', { task_queue: 'tickets' })).toBeGreaterThan(0);
  });

  it('is not forwarded by the intake to another service', () => {
    expect(loadUpstreams({}).some((upstream) => ownsPath(upstream.paths, '/metrics'))).toBe(false);
  });
});
