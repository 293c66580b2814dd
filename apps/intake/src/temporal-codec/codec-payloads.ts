import type { FieldProblem } from '@court/common';
import type { Payload } from '@temporalio/common';

/** A payload as the codec server protocol carries it: proto JSON, bytes in base64. */
export interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

export interface CodecBody {
  payloads: JsonPayload[];
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const NOT_BASE64 = '不是 base64 编码';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function bytes(value: unknown, field: string, problems: FieldProblem[]): Uint8Array | undefined {
  if (typeof value === 'string' && BASE64.test(value)) return Buffer.from(value, 'base64');
  problems.push({ field, message: NOT_BASE64 });
  return undefined;
}

function payloadOf(value: unknown, field: string, problems: FieldProblem[]): Payload {
  if (!isRecord(value)) {
    problems.push({ field, message: '须为对象 { metadata, data }' });
    return {};
  }
  const payload: Payload = {};
  if (value.metadata !== undefined && value.metadata !== null) {
    if (!isRecord(value.metadata)) {
      problems.push({ field: `${field}.metadata`, message: '须为对象' });
    } else {
      payload.metadata = Object.fromEntries(
        Object.entries(value.metadata).map(([key, v]) => [
          key,
          bytes(v, `${field}.metadata.${key}`, problems) ?? new Uint8Array(),
        ]),
      );
    }
  }
  if (value.data !== undefined && value.data !== null) {
    payload.data = bytes(value.data, `${field}.data`, problems);
  }
  return payload;
}

/** The payloads of a request body, or the problems with it. */
export function parseCodecBody(
  body: unknown,
): { ok: true; payloads: Payload[] } | { ok: false; problems: FieldProblem[] } {
  if (!isRecord(body) || !Array.isArray(body.payloads)) {
    return { ok: false, problems: [{ field: 'payloads', message: '须为数组' }] };
  }
  const problems: FieldProblem[] = [];
  const payloads = body.payloads.map((p, i) => payloadOf(p, `payloads[${i}]`, problems));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, payloads };
}

export function toCodecBody(payloads: readonly Payload[]): CodecBody {
  return {
    payloads: payloads.map(({ metadata, data }) => ({
      metadata: Object.fromEntries(
        Object.entries(metadata ?? {}).map(([key, value]) => [
          key,
          Buffer.from(value ?? []).toString('base64'),
        ]),
      ),
      ...(data ? { data: Buffer.from(data).toString('base64') } : {}),
    })),
  };
}
