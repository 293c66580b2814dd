import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import request from 'supertest';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { configureHttpApp } from '../../libs/common/src';
import { loadServiceConfig, SERVICE_CONFIG } from '../../libs/config/src';
import { TemporalHarness } from './temporal-harness';
import { testEnv } from './test-env';

export const DEMO_PASSWORD = 'demo12368';

/** The intake app in-process, on the real servers, with a real tickets worker of its own queue. */
export class IntakeTestApp {
  harness = new TemporalHarness();
  app!: NestExpressApplication;
  moduleRef!: TestingModule;
  private tokens = new Map<string, string>();

  /** `servers`: other addresses for the app (a FaultProxy's), its worker keeps the real ones. */
  async start(servers: { temporalAddress?: string; mongodbUri?: string } = {}): Promise<this> {
    const env = testEnv();
    await this.harness.start();
    process.env.TICKETS_TASK_QUEUE = this.harness.taskQueue;
    const config = loadServiceConfig();
    this.moduleRef = await Test.createTestingModule({ imports: [IntakeModule] })
      .overrideProvider(SERVICE_CONFIG)
      .useValue({
        ...config,
        temporal: { ...config.temporal, address: servers.temporalAddress ?? env.temporalAddress },
        mongodbUri: servers.mongodbUri ?? config.mongodbUri,
      })
      .compile();
    this.app = this.moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      logger: false,
    });
    configureHttpApp(this.app, 'test');
    await this.app.init();
    return this;
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.harness.stop();
  }

  http() {
    return request(this.app.getHttpServer());
  }

  async token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      const response = await this.http()
        .post('/api/auth/login')
        .send({ username, password: DEMO_PASSWORD });
      if (response.status !== 200) {
        throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
      }
      token = response.body.accessToken as string;
      this.tokens.set(username, token);
    }
    return token;
  }

  async as(username: string) {
    const auth = `Bearer ${await this.token(username)}`;
    const http = this.http();
    return {
      get: (url: string) => http.get(url).set('Authorization', auth),
      post: (url: string) => http.post(url).set('Authorization', auth),
      put: (url: string) => http.put(url).set('Authorization', auth),
      patch: (url: string) => http.patch(url).set('Authorization', auth),
    };
  }
}

/** A valid complaint about filing (4.5 → head-filing), with a fresh caller phone. */
export function filingComplaint(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'phone',
    caller: { name: '张三', phone: randomMobile() },
    type: 'complaint',
    complaint: { category: 'filing', specificClues: false },
    caseNumber: '(2026)豫0782民初1号',
    content: '反映立案庭拖延立案',
    answer: null,
    flags: { urgent: false, abusive: false, litigationRights: true, couldNotReachJudge: false },
    ringAt: '2026-11-28T09:00:00+08:00',
    answeredAt: '2026-11-28T09:00:06+08:00',
    override: null,
    ...overrides,
  };
}

export function randomMobile(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}
