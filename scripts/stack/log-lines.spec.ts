import { childOutputLines } from './console-output';
import { jsonLogLine, parseChildLine, prettyLogLines } from './log-lines';

const NOW = new Date('2026-12-02T01:00:00.000Z');

describe('the stack output: one JSON stream, or readable lines', () => {
  const ours = JSON.stringify({
    level: 'info',
    time: '2026-12-02T01:00:00.123Z',
    service: 'intake',
    reqId: 'req-42',
    method: 'GET',
    route: '/api/tickets/:id',
    status: 200,
    durationMs: 4,
    userId: 'u-1',
    msg: 'GET /api/tickets/:id 200 4ms',
  });

  it("passes the apps' JSON through with the process name", () => {
    expect(JSON.parse(jsonLogLine('intake-2', parseChildLine(ours, NOW)))).toEqual({
      ...JSON.parse(ours),
      process: 'intake-2',
    });
  });

  it("keeps the Temporal CLI's JSON, its own `service` renamed to `component`", () => {
    const temporal =
      '{"time":"2026-12-03T07:04:57.514766149Z","level":"WARN","msg":"Failed to poll for task.","service":"worker","Namespace":"temporal-system"}';
    expect(JSON.parse(jsonLogLine('temporal', parseChildLine(temporal, NOW)))).toEqual({
      level: 'warn',
      time: '2026-12-03T07:04:57.514766149Z',
      process: 'temporal',
      component: 'worker',
      Namespace: 'temporal-system',
      msg: 'Failed to poll for task.',
    });
  });

  it("turns FerretDB's slog text into JSON", () => {
    const ferret =
      'time=2026-12-02T09:00:00.000+08:00 level=WARN msg="could not add _id path indexes" file=a.sqlite error="disk \\"full\\""';
    expect(JSON.parse(jsonLogLine('ferretdb', parseChildLine(ferret, NOW)))).toEqual({
      level: 'warn',
      time: '2026-12-02T01:00:00.000Z',
      process: 'ferretdb',
      file: 'a.sqlite',
      error: 'disk "full"',
      msg: 'could not add _id path indexes',
    });
  });

  it('wraps plain text as an info record, phones masked', () => {
    expect(JSON.parse(jsonLogLine('temporal', parseChildLine('call 13812348000', NOW)))).toEqual({
      level: 'info',
      time: NOW.toISOString(),
      process: 'temporal',
      msg: 'call 138****8000',
    });
  });

  it('prints a record for a person: time, level, context, message, fields, stack and causes', () => {
    const lines = prettyLogLines({
      level: 'error',
      time: '2026-12-02T01:00:00.123Z',
      msg: 'GET /api/tickets/:id failed',
      context: 'HTTP',
      reqId: 'req-9',
      err: {
        type: 'Error',
        message: 'query failed',
        stack: 'Error: query failed\n    at save (store.ts:1:1)',
        cause: {
          type: 'Error',
          message: 'reset by 010-12345678',
          stack: 'Error: reset by 010-12345678',
        },
      },
    });
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:00\.123 ERROR \[HTTP\] GET \/api\/tickets\/:id failed reqId=req-9$/,
    );
    expect(lines.slice(1)).toEqual([
      '    Error: query failed',
      '    at save (store.ts:1:1)',
      '  caused by: Error: reset by 010-****5678',
    ]);
  });

  it("keeps an access line's message and shows only what it does not say", () => {
    const [line] = childOutputLines('intake', '[intake] ', ours, 'pretty');
    expect(line).toMatch(
      /^\[intake\] \d\d:\d\d:00\.123 INFO {2}GET \/api\/tickets\/:id 200 4ms reqId=req-42 userId=u-1$/,
    );
  });

  it('prints other lines as they came, phones masked, in the pretty format', () => {
    expect(
      childOutputLines('temporal', '[temporal] ', 'Server:  localhost:7233', 'pretty'),
    ).toEqual(['[temporal] Server:  localhost:7233']);
    expect(childOutputLines('x', '[x] ', '回电 138 1234 8000', 'pretty')).toEqual([
      '[x] 回电 138****8000',
    ]);
  });
});
