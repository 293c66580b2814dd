import {
  type CanActivate,
  Controller,
  type ExecutionContext,
  Get,
  HttpException,
  Injectable,
  Module,
  Logger as NestLogger,
  Param,
  UseGuards,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import request from 'supertest';
import { ApiExceptionFilter } from '../http/api-exception.filter';
import { requestId } from '../http/request-id.middleware';
import { createJsonLogger } from './json-logger';
import { LogCapture } from './log-capture';
import { useAccessLog, withLogging } from './logging-module';

@Injectable()
class SignedInAs implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    context.switchToHttp().getRequest().user = { id: 'u-agent-1', name: '座席甲', roles: [] };
    return true;
  }
}

@Controller('api/tickets')
class TicketsController {
  private readonly logger = new NestLogger('Tickets');

  @Get(':id')
  @UseGuards(SignedInAs)
  one(@Param('id') id: string): { id: string } {
    this.logger.log(`reading ${id} for 13812348000`);
    return { id };
  }

  @Get(':id/broken')
  broken(): never {
    throw new Error('query failed', { cause: new Error('connection reset') });
  }

  @Get(':id/gone')
  gone(): never {
    throw new HttpException('不存在', 404);
  }
}

@Controller('health')
class HealthController {
  @Get()
  health(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [TicketsController, HealthController] })
class TestModule {}

describe('access log and HTTP error lines', () => {
  const capture = new LogCapture();
  let app: NestExpressApplication;

  beforeAll(async () => {
    const logger = createJsonLogger('intake', capture);
    app = await NestFactory.create<NestExpressApplication>(withLogging(TestModule, logger), {
      bufferLogs: true,
    });
    app.useLogger(app.get(Logger));
    useAccessLog(app, logger);
    app.use(requestId);
    app.useGlobalFilters(new ApiExceptionFilter());
    await app.init();
    // listen() would flush the logs buffered during start-up; init() does not.
    app.flushLogs();
  });

  afterAll(async () => {
    await app.close();
  });

  const accessLines = () => capture.lines.filter((line) => 'durationMs' in line);

  it('writes one line per request: method, route pattern, status, duration, user and request id', async () => {
    const response = await request(app.getHttpServer())
      .get('/api/tickets/T20261202-0001?phone=13812348000')
      .set('Authorization', 'Bearer secret-token')
      .set('Cookie', 'session=abc')
      .set('X-Request-Id', 'req-42')
      .expect(200);
    expect(response.headers['x-request-id']).toBe('req-42');

    const lines = accessLines().filter((line) => line.reqId === 'req-42');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      service: 'intake',
      reqId: 'req-42',
      method: 'GET',
      route: '/api/tickets/:id',
      status: 200,
      userId: 'u-agent-1',
      msg: expect.stringMatching(/^GET \/api\/tickets\/:id 200 \d+ms$/),
    });
    expect(lines[0]!.durationMs).toEqual(expect.any(Number));
    expect(Date.parse(String(lines[0]!.time))).not.toBeNaN();
    const written = capture.raw.join('\n');
    expect(written).not.toContain('secret-token');
    expect(written).not.toContain('session=abc');
    expect(written).not.toContain('13812348000');
    expect(JSON.stringify(lines[0])).not.toContain('T20261202-0001');
  });

  it('gives the logs inside a request its request id', async () => {
    await request(app.getHttpServer()).get('/api/tickets/7').set('X-Request-Id', 'req-43');
    expect(capture.find((line) => line.msg === 'reading 7 for 138****8000')).toMatchObject({
      reqId: 'req-43',
      context: 'Tickets',
    });
  });

  it('generates the request id when none is given, the same in the header and the line', async () => {
    const response = await request(app.getHttpServer()).get('/api/tickets/8/gone').expect(404);
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(accessLines().find((line) => line.reqId === id)).toMatchObject({
      level: 'info',
      route: '/api/tickets/:id/gone',
      status: 404,
    });
  });

  it('logs a 5xx once with its stack and cause, and its access line at error', async () => {
    await request(app.getHttpServer())
      .get('/api/tickets/9/broken')
      .set('X-Request-Id', 'req-500')
      .expect(500);
    const forRequest = capture.lines.filter((line) => line.reqId === 'req-500');
    const failure = forRequest.find((line) => line.context === 'HTTP');
    expect(failure).toMatchObject({
      level: 'error',
      err: {
        type: 'Error',
        message: 'query failed',
        stack: expect.stringContaining('TicketsController.broken'),
        cause: { type: 'Error', message: 'connection reset' },
      },
    });
    expect(failure!.msg).toContain('GET /api/tickets/:id/broken');
    expect(forRequest.find((line) => 'durationMs' in line)).toMatchObject({
      level: 'error',
      status: 500,
    });
    const raw = capture.raw.find((line) => line.includes('"context":"HTTP"'))!;
    expect(raw.match(/"reqId"/g)).toHaveLength(1);
  });

  it('logs /health at debug only, below the default info level', async () => {
    await request(app.getHttpServer()).get('/health').set('X-Request-Id', 'req-health');
    expect(capture.lines.some((line) => line.reqId === 'req-health')).toBe(false);
  });
});
