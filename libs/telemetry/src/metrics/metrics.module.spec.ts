import {
  type CanActivate,
  Controller,
  ForbiddenException,
  Get,
  type INestApplication,
  Module,
  Param,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { httpRequestDuration } from './http-duration';
import { MetricsModule } from './metrics.module';

class NoTokenGuard implements CanActivate {
  canActivate(): boolean {
    throw new UnauthorizedException('未登录');
  }
}

@Controller('api/tickets')
class TicketsController {
  @Get(':id/attachments')
  @UseGuards(NoTokenGuard)
  attachments() {
    return [];
  }

  @Get(':id')
  one(@Param('id') id: string) {
    if (id === 'secret') throw new ForbiddenException('无权查看');
    return { id };
  }
}

@Module({ imports: [MetricsModule.forService('test')], controllers: [TicketsController] })
class TestAppModule {}

async function startApp(env: Record<string, string | undefined> = {}): Promise<INestApplication> {
  const saved = process.env.METRICS_TOKEN;
  process.env.METRICS_TOKEN = env.METRICS_TOKEN;
  if (env.METRICS_TOKEN === undefined) delete process.env.METRICS_TOKEN;
  try {
    const moduleRef = await Test.createTestingModule({ imports: [TestAppModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    return app;
  } finally {
    if (saved === undefined) delete process.env.METRICS_TOKEN;
    else process.env.METRICS_TOKEN = saved;
  }
}

/** The histogram's request counts per `method route status`. */
async function requestCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { metricName, labels, value } of (await httpRequestDuration.get()).values) {
    if (metricName !== 'http_request_duration_seconds_count') continue;
    counts[`${labels.method} ${labels.route} ${labels.status}`] = value;
  }
  return counts;
}

describe('MetricsModule', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());
  beforeEach(() => httpRequestDuration.reset());

  it('labels request durations by route pattern and status, never by raw URL', async () => {
    await request(app.getHttpServer()).get('/api/tickets/T1').expect(200);
    await request(app.getHttpServer()).get('/api/tickets/T2').expect(200);
    await request(app.getHttpServer()).get('/api/tickets/secret').expect(403);
    await request(app.getHttpServer()).get('/api/tickets/T1/attachments').expect(401);
    await request(app.getHttpServer()).get('/no/such/path/42').expect(404);
    expect(await requestCounts()).toEqual({
      'GET /api/tickets/:id 200': 2,
      'GET /api/tickets/:id 403': 1,
      'GET /api/tickets/:id/attachments 401': 1,
      'GET unmatched 404': 1,
    });
  });

  it('serves the Prometheus text at /metrics, with the service label, and leaves itself out', async () => {
    const first = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(first.headers['content-type']).toMatch(/^text\/plain/);
    expect(first.text).toContain('# TYPE court_tickets_logged_total counter');
    // every series from 0, so that increase() sees the first event
    expect(first.text).toContain('court_tickets_logged_total{type="petition",service="test"} 0');
    expect(first.text).toContain(
      'court_notices_total{channel="sms",outcome="failed",service="test"} 0',
    );
    expect(first.text).toMatch(/process_cpu_user_seconds_total\{service="test"\}/);
    await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(await requestCounts()).toEqual({});
  });
});

describe('METRICS_TOKEN', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApp({ METRICS_TOKEN: 's3cret-scrape-token' });
  });
  afterAll(() => app.close());

  it('asks a scrape without the token for it (401), and answers one with it', async () => {
    const none = await request(app.getHttpServer()).get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    await request(app.getHttpServer())
      .get('/metrics')
      .set('Authorization', 'Bearer wrong')
      .expect(401);
    const scraped = await request(app.getHttpServer())
      .get('/metrics')
      .set('Authorization', 'Bearer s3cret-scrape-token')
      .expect(200);
    expect(scraped.text).toContain('http_request_duration_seconds');
  });
});
