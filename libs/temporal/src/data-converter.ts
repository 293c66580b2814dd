import type { PayloadKey } from '@court/config';
import type { DataConverter, PayloadCodec } from '@temporalio/common';
import { AesGcmPayloadCodec } from './payload-codec';

/** The codec of these keys, or none when there are no keys (payloads travel unencrypted). */
export function payloadCodecFor(keys: readonly PayloadKey[]): PayloadCodec | null {
  return keys.length > 0 ? new AesGcmPayloadCodec(keys) : null;
}

/** What every Temporal client and worker of the services is given. */
export function payloadDataConverter(keys: readonly PayloadKey[]): DataConverter {
  const codec = payloadCodecFor(keys);
  return { payloadCodecs: codec ? [codec] : [] };
}
