import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSmsCall {
  phone: string;
  outId: string | null;
  templateCode: string | null;
  signName: string | null;
  params: Record<string, string>;
}

/** How the fake answers one SendSms: a Dysmsapi Code, or silence past the client's timeout. */
export type FakeAnswer = { code: string; message?: string } | { hangMs: number };

/**
 * A local stand-in of Alibaba Cloud's Dysmsapi (2017-05-25) SendSms, on 127.0.0.1 at a random
 * port: the official SDK, pointed at it with protocol http, sends it the same signed request
 * it would send to dysmsapi.aliyuncs.com (RPC style, parameters in the query, ACS3-HMAC-SHA256
 * signature). It answers as the API does: HTTP 200 with `{ Code, Message, BizId, RequestId }`,
 * `Code` "OK" on success or an error code such as isv.BUSINESS_LIMIT_CONTROL (throttled) or
 * isv.MOBILE_NUMBER_ILLEGAL (invalid number).
 */
export class FakeDysmsapi {
  readonly calls: FakeSmsCall[] = [];
  private server?: Server;
  private seq = 0;

  constructor(
    private readonly accessKeyId: string,
    public answer: (call: FakeSmsCall, index: number) => FakeAnswer = () => ({ code: 'OK' }),
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  callsFor(outId: string): FakeSmsCall[] {
    return this.calls.filter((c) => c.outId === outId);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const q = url.searchParams;
      const reply = (status: number, body: Record<string, unknown>) => {
        res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
        res.end(JSON.stringify({ RequestId: `req-${++this.seq}`, ...body }));
      };
      const auth = String(req.headers.authorization ?? '');
      if (
        !auth.startsWith('ACS3-HMAC-SHA256') ||
        !auth.includes(`Credential=${this.accessKeyId}`)
      ) {
        reply(400, {
          Code: 'InvalidAccessKeyId.NotFound',
          Message: 'Specified access key is not found.',
        });
        return;
      }
      if (
        req.headers['x-acs-action'] !== 'SendSms' ||
        req.headers['x-acs-version'] !== '2017-05-25'
      ) {
        reply(400, { Code: 'InvalidAction.NotFound', Message: 'Specified api is not found.' });
        return;
      }
      let params: Record<string, string> = {};
      try {
        params = JSON.parse(q.get('TemplateParam') ?? '{}');
      } catch {
        reply(200, { Code: 'isv.INVALID_JSON_PARAM', Message: 'JSON参数不合法' });
        return;
      }
      const call: FakeSmsCall = {
        phone: q.get('PhoneNumbers') ?? '',
        outId: q.get('OutId'),
        templateCode: q.get('TemplateCode'),
        signName: q.get('SignName'),
        params,
      };
      const index = this.calls.push(call) - 1;
      const answer = this.answer(call, index);
      if ('hangMs' in answer) {
        setTimeout(
          () => reply(200, { Code: 'OK', Message: 'OK', BizId: `biz-${index}` }),
          answer.hangMs,
        );
        return;
      }
      reply(200, {
        Code: answer.code,
        Message: answer.message ?? (answer.code === 'OK' ? 'OK' : answer.code),
        ...(answer.code === 'OK' ? { BizId: `biz-${index}` } : {}),
      });
    });
  }
}
