import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload, ValueError } from '@temporalio/common';
import { payloadDataConverter } from './data-converter';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, METADATA_KEY_ID } from './payload-codec';

const key = (id: string) => ({ id, key: randomBytes(32) });
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const FEEDBACK = { result: '已联系来电人李四（13912345678）并立案', by: 'head-filing' };
const plain = (): Payload => defaultPayloadConverter.toPayload(FEEDBACK);

async function roundTrip(encoder: AesGcmPayloadCodec, decoder: AesGcmPayloadCodec) {
  const [encrypted] = await encoder.encode([plain()]);
  const [decrypted] = await decoder.decode([encrypted!]);
  return defaultPayloadConverter.fromPayload(decrypted!);
}

describe('AesGcmPayloadCodec', () => {
  it('encrypts the whole payload under the current key id and decrypts it back', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const [encrypted] = await codec.encode([plain()]);
    expect(text(encrypted!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(encrypted!.metadata![METADATA_KEY_ID])).toBe('k1');
    expect(Object.keys(encrypted!.metadata!).sort()).toEqual([
      'encoding',
      'encryption-cipher',
      'encryption-key-id',
    ]);
    const bytes = Buffer.from(encrypted!.data!);
    expect(bytes.includes(Buffer.from('13912345678'))).toBe(false);
    expect(bytes.includes(Buffer.from('json/plain'))).toBe(false);
    const [decrypted] = await codec.decode([encrypted!]);
    expect(text(decrypted!.metadata!.encoding)).toBe('json/plain');
    expect(defaultPayloadConverter.fromPayload(decrypted!)).toEqual(FEEDBACK);
  });

  it('uses a fresh iv each time: the same payload never encrypts the same', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const [a, b] = await codec.encode([plain(), plain()]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('passes payloads that were never encrypted through unchanged (old histories)', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const old = [plain(), { metadata: { encoding: Buffer.from('binary/null') } }, {}];
    expect(await codec.decode(old)).toEqual(old);
  });

  it('rotation: with a new key first, what the old key encrypted still decrypts', async () => {
    const old = key('2025-11');
    const before = new AesGcmPayloadCodec([old]);
    const after = new AesGcmPayloadCodec([key('2026-02'), old]);
    expect(await roundTrip(before, after)).toEqual(FEEDBACK);
    const [encrypted] = await after.encode([plain()]);
    expect(text(encrypted!.metadata![METADATA_KEY_ID])).toBe('2026-02');
  });

  it('an unknown key id: a clear error naming it', async () => {
    const writer = new AesGcmPayloadCodec([key('gone')]);
    const reader = new AesGcmPayloadCodec([key('k2'), key('k1')]);
    const [encrypted] = await writer.encode([plain()]);
    const error = await reader.decode([encrypted!]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValueError);
    expect((error as Error).message).toMatch(/key "gone".*not among.*\(k2, k1\)/);
  });

  it('a different key under the same id, or altered data: fails authentication', async () => {
    const writer = new AesGcmPayloadCodec([key('k1')]);
    const reader = new AesGcmPayloadCodec([key('k1')]);
    const [encrypted] = await writer.encode([plain()]);
    await expect(reader.decode([encrypted!])).rejects.toThrow(/failed authentication/);
    const altered = Buffer.from(encrypted!.data!);
    altered[20] = altered[20]! ^ 1;
    await expect(writer.decode([{ ...encrypted!, data: altered }])).rejects.toThrow(
      /failed authentication/,
    );
    await expect(writer.decode([{ ...encrypted!, data: altered.subarray(0, 20) }])).rejects.toThrow(
      /too short/,
    );
  });

  it('refuses to be made without a key', () => {
    expect(() => new AesGcmPayloadCodec([])).toThrow(ValueError);
  });
});

describe('payloadDataConverter', () => {
  it('no keys: no codec, payloads travel as they are', () => {
    expect(payloadDataConverter([]).payloadCodecs).toEqual([]);
  });

  it('keys: the AES-GCM codec', () => {
    const [codec] = payloadDataConverter([key('k1')]).payloadCodecs!;
    expect(codec).toBeInstanceOf(AesGcmPayloadCodec);
  });
});
