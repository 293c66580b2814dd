import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PayloadKey } from '@court/config';
import {
  METADATA_ENCODING_KEY,
  type Payload,
  type PayloadCodec,
  ValueError,
} from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const METADATA_KEY_ID = 'encryption-key-id';
export const METADATA_CIPHER = 'encryption-cipher';
const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const text = (bytes: Uint8Array | null | undefined): string | undefined =>
  bytes ? Buffer.from(bytes).toString('utf8') : undefined;

/**
 * Encrypts every payload whole (its metadata too) with AES-256-GCM, as Temporal's encryption
 * samples do: metadata `encoding: binary/encrypted` and the key's id, data `iv | ciphertext |
 * tag` of the serialized Payload. The first key encrypts; any key decrypts what it encrypted,
 * so a rotation puts a new key first and keeps the old ones. Payloads that were never
 * encrypted (histories from before the codec) pass through as they are.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly current: PayloadKey;

  constructor(keys: readonly PayloadKey[]) {
    const [current] = keys;
    if (!current) throw new ValueError('the payload codec needs at least one key');
    this.current = current;
    this.keys = new Map(keys.map(({ id, key }) => [id, key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  private encrypt(payload: Payload): Payload {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, this.current.key, iv);
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING),
        [METADATA_KEY_ID]: utf8(this.current.id),
        [METADATA_CIPHER]: utf8(CIPHER),
      },
      data,
    };
  }

  private decrypt(payload: Payload): Payload {
    if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
    const keyId = text(payload.metadata?.[METADATA_KEY_ID]);
    const cipherName = text(payload.metadata?.[METADATA_CIPHER]) ?? CIPHER;
    if (cipherName !== CIPHER) {
      throw new ValueError(`encrypted payload uses cipher "${cipherName}", not ${CIPHER}`);
    }
    if (!keyId) throw new ValueError('encrypted payload names no encryption-key-id');
    const key = this.keys.get(keyId);
    if (!key) {
      throw new ValueError(
        `payload was encrypted with key "${keyId}", which is not among the configured payload keys (${[...this.keys.keys()].join(', ')}); add it to PAYLOAD_KEYS / PAYLOAD_KEY_FILE below the current key`,
      );
    }
    const data = Buffer.from(payload.data ?? []);
    if (data.length < IV_BYTES + TAG_BYTES) {
      throw new ValueError(`encrypted payload (key "${keyId}") is too short to hold iv and tag`);
    }
    const decipher = createDecipheriv(CIPHER, key, data.subarray(0, IV_BYTES));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new ValueError(
        `encrypted payload (key "${keyId}") failed authentication: a different key under the same id, or corrupted data`,
      );
    }
    return temporal.api.common.v1.Payload.decode(plain);
  }
}
