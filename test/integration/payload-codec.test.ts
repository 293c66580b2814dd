import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { toCodecBody } from '../../apps/intake/src/temporal-codec/codec-payloads';
import { CODEC_COOKIE } from '../../apps/intake/src/temporal-codec/codec-session-cookie';
import { SERVICE_CONFIG, type ServiceConfig } from '../../libs/config/src';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING } from '../../libs/temporal/src/payload-codec';
import { DEMO_PASSWORD, filingComplaint, IntakeTestApp, randomMobile } from '../support/intake-app';
import { TEST_PAYLOAD_KEY, TEST_PAYLOAD_KEYS } from '../support/temporal-harness';

type History = temporal.api.history.v1.IHistory;

// This file's intake, workers and clients encrypt with the test key, as a deployment's would
// with its own (the environment is this file's: jest gives each file a copy).
process.env.PAYLOAD_KEYS = TEST_PAYLOAD_KEYS;
delete process.env.PAYLOAD_KEY_FILE;

const utf8 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

/** Every payload in a history, with where it sits (`events.3.…`). */
function payloadsIn(value: unknown, path = ''): { path: string; payload: Payload }[] {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return [];
  const record = value as Record<string, unknown>;
  const metadata = record.metadata as Record<string, unknown> | undefined;
  if (metadata && metadata.encoding instanceof Uint8Array) {
    return [{ path, payload: value as Payload }];
  }
  return Object.entries(record).flatMap(([key, child]) => payloadsIn(child, `${path}.${key}`));
}

/**
 * Issue #13 item 5: workflow payloads are encrypted with the services' codec, so the Temporal
 * server (and anyone reading its database or the Web UI without the codec) sees no caller
 * data; admins read them through the intake's codec endpoint.
 */
describe('encrypted workflow payloads', () => {
  const t = new IntakeTestApp();
  const marker = `密文检验${randomUUID().slice(0, 8)}`;
  const phone = randomMobile();
  const callerName = `欧阳${marker.slice(-4)}`;
  let ticketId: string;
  let history: History;
  let plainConnection: Connection;

  beforeAll(async () => {
    await t.start();
    const agent = await t.as('agent01');
    const created = await agent.post('/api/tickets').send(
      filingComplaint({
        caller: { name: callerName, phone },
        content: `反映立案拖延，${marker}（来电内容）`,
      }),
    );
    expect(created.status).toBe(201);
    ticketId = created.body.id;
    const fedBack = await (await t.as('head-filing'))
      .post(`/api/tickets/${ticketId}/feedback`)
      .send({ result: `已联系${callerName}（${phone}），${marker}（反馈）` });
    expect(fedBack.status).toBe(200);
    const called = await agent
      .post(`/api/tickets/${ticketId}/callback`)
      .send({ reached: true, satisfied: true, note: `${marker}（回访）` });
    expect(called.status).toBe(200);
    expect(called.body.status).toBe('closed');

    // A client without the codec, as the Temporal server's own readers are.
    plainConnection = await Connection.connect({ address: t.harness.env.temporalAddress });
    const plain = new Client({ connection: plainConnection, namespace: t.harness.env.namespace });
    history = await plain.workflow.getHandle(`ticket-${ticketId}`).fetchHistory();
  });

  afterAll(async () => {
    await plainConnection?.close();
    await t.stop();
  });

  describe('the history on the server', () => {
    it('holds no caller name, phone, ticket text, feedback or callback note anywhere', () => {
      const raw = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
      for (const secret of [marker, phone, callerName, '已联系']) {
        expect({ secret, found: raw.includes(Buffer.from(secret, 'utf8')) }).toEqual({
          secret,
          found: false,
        });
      }
    });

    it('encrypts the input, the summary, and every activity and update payload', () => {
      const found = payloadsIn(history.events);
      const started = found.filter((p) => p.path.startsWith('.0.'));
      expect(started.map((p) => p.path)).toEqual(
        expect.arrayContaining([
          '.0.workflowExecutionStartedEventAttributes.input.payloads.0',
          '.0.userMetadata.summary',
          '.0.userMetadata.details',
        ]),
      );
      // Search attributes are the server's index, never encoded (no personal data goes there);
      // a local activity marker's `data` is the SDK's own bookkeeping (ids, attempt, times).
      const ours = found.filter(
        (p) =>
          !/\.searchAttributes\.|\.indexedFields\.|markerRecordedEventAttributes\.details\.data/.test(
            p.path,
          ),
      );
      expect(ours.length).toBeGreaterThan(10);
      const plainOnes = ours.filter(
        (p) => utf8(p.payload.metadata?.encoding) !== ENCRYPTED_ENCODING,
      );
      expect(plainOnes.map((p) => `${p.path}: ${utf8(p.payload.metadata?.encoding)}`)).toEqual([]);
    });

    it('decrypted with the key, holds the texts (so the check above is not vacuous)', async () => {
      const codec = new AesGcmPayloadCodec([TEST_PAYLOAD_KEY]);
      const decoded = await codec.decode(payloadsIn(history.events).map((p) => p.payload));
      const text = decoded.map((p) => utf8(p.data)).join('\n');
      expect(text).toContain(`${marker}（反馈）`);
      expect(text).toContain(`${marker}（回访）`);
    });

    it('replays with the codec, and not without it', async () => {
      const workflowsPath = require.resolve('../../workflows');
      await Worker.runReplayHistory(
        { workflowsPath, dataConverter: t.harness.dataConverter },
        history,
        `ticket-${ticketId}`,
      );
      await expect(
        Worker.runReplayHistory({ workflowsPath }, history, `ticket-${ticketId}`),
      ).rejects.toThrow();
    });
  });

  describe('the codec endpoint for the Temporal Web UI', () => {
    const DECODE = '/api/temporal-codec/decode';
    const ENCODE = '/api/temporal-codec/encode';
    const startedInput = () =>
      history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads!;
    const uiOrigin = () => t.moduleRef.get<ServiceConfig>(SERVICE_CONFIG).temporal.uiOrigin;

    async function login(username: string) {
      const response = await t
        .http()
        .post('/api/auth/login')
        .send({ username, password: DEMO_PASSWORD });
      expect(response.status).toBe(200);
      const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
      return { cookie: cookies.find((c) => c.startsWith(`${CODEC_COOKIE}=`)), response };
    }

    it('decodes the history’s payloads for an admin: the original input', async () => {
      const response = await (await t.as('admin'))
        .post(DECODE)
        .set('X-Namespace', t.harness.env.namespace)
        .send(toCodecBody(startedInput()));
      expect(response.status).toBe(200);
      expect(response.body.payloads).toHaveLength(1);
      const payload = response.body.payloads[0];
      expect(Buffer.from(payload.metadata.encoding, 'base64').toString()).toBe('json/plain');
      const input = JSON.parse(Buffer.from(payload.data, 'base64').toString());
      expect(input).toMatchObject({ ticketId, type: 'complaint', loggedBy: 'agent01' });
    });

    it('refuses without a token (401) and for another role (403)', async () => {
      const body = toCodecBody(startedInput());
      expect((await t.http().post(DECODE).send(body)).status).toBe(401);
      expect((await (await t.as('agent01')).post(DECODE).send(body)).status).toBe(403);
      expect((await (await t.as('supervisor01')).post(ENCODE).send(body)).status).toBe(403);
    });

    it('encodes for the UI what it decodes back; garbage is 400, an unknown key 422', async () => {
      const admin = await t.as('admin');
      const original = { metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'eyJhIjoxfQ==' };
      const encoded = await admin.post(ENCODE).send({ payloads: [original] });
      expect(encoded.status).toBe(200);
      expect(Buffer.from(encoded.body.payloads[0].metadata.encoding, 'base64').toString()).toBe(
        ENCRYPTED_ENCODING,
      );
      const decoded = await admin.post(DECODE).send(encoded.body);
      expect(decoded.body).toEqual({ payloads: [original] });

      const bad = await admin.post(DECODE).send({ payloads: [{ data: 'not base64!' }] });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ field: 'payloads[0].data', message: expect.any(String) }]);
      const foreign = await new AesGcmPayloadCodec([
        { id: 'elsewhere', key: Buffer.alloc(32, 7) },
      ]).encode([{ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('1') }]);
      const unknownKey = await admin.post(DECODE).send(toCodecBody(foreign));
      expect(unknownKey.status).toBe(422);
      expect(unknownKey.body.message).toContain('"elsewhere"');
    });

    it('an admin’s login leaves an HttpOnly, SameSite=Strict cookie for this path only', async () => {
      const { cookie } = await login('admin');
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/; Path=\/api\/temporal-codec(;|$)/);
      expect(cookie).toMatch(/; HttpOnly(;|$)/);
      expect(cookie).toMatch(/; SameSite=Strict(;|$)/);
      const session = cookie!.split(';')[0]!;
      const response = await t
        .http()
        .post(DECODE)
        .set('Origin', uiOrigin())
        .set('Cookie', session)
        .send(toCodecBody(startedInput()));
      expect(response.status).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe(uiOrigin());
      expect(response.headers['access-control-allow-credentials']).toBe('true');
    });

    it('no cookie for other roles; logout clears it', async () => {
      const agent = await login('agent01');
      expect(agent.cookie).toMatch(/^court12368_codec=;.*Expires=Thu, 01 Jan 1970/);
      const { cookie } = await login('admin');
      const out = await t.http().post('/api/auth/logout').set('Cookie', cookie!.split(';')[0]!);
      expect(out.status).toBe(204);
      const cleared = ([] as string[]).concat(out.headers['set-cookie'] ?? []);
      expect(cleared).toEqual([
        expect.stringMatching(/^court12368_codec=;.*Expires=Thu, 01 Jan 1970/),
      ]);
    });

    it('a forged or stale cookie is 401, as a bad bearer token is', async () => {
      const response = await t
        .http()
        .post(DECODE)
        .set('Cookie', `${CODEC_COOKIE}=not.a.token`)
        .send(toCodecBody(startedInput()));
      expect(response.status).toBe(401);
    });

    it('answers the UI’s preflight without a token; another origin is refused', async () => {
      const preflight = await t
        .http()
        .options(DECODE)
        .set('Origin', uiOrigin())
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,x-namespace');
      expect(preflight.status).toBe(204);
      expect(preflight.headers).toMatchObject({
        'access-control-allow-origin': uiOrigin(),
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': expect.stringContaining('POST'),
        'access-control-allow-headers': 'Authorization, Content-Type, X-Namespace',
      });

      const other = await t
        .http()
        .options(DECODE)
        .set('Origin', 'http://127.0.0.1:9999')
        .set('Access-Control-Request-Method', 'POST');
      expect(other.status).toBe(403);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const post = await (await t.as('admin'))
        .post(DECODE)
        .set('Origin', 'https://evil.example')
        .send(toCodecBody(startedInput()));
      expect(post.status).toBe(403);
      expect(post.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
