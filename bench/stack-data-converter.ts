import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataConverter } from '@temporalio/common';
import { ConfigError, parsePayloadKeySettings } from '../libs/config/src/service-config';
import { payloadDataConverter } from '../libs/temporal/src/data-converter';

/**
 * The payload codec of the stack a bench talks to, whose workers encrypt what they answer:
 * PAYLOAD_KEYS / PAYLOAD_KEY_FILE when set, else the key file that `npm start` keeps and
 * hands its apps (`<DATA_DIR>/payload-keys`), else none.
 */
export function stackDataConverter(env: NodeJS.ProcessEnv = process.env): DataConverter {
  const settings = { ...env };
  const stackKeyFile = join(env.DATA_DIR?.trim() || 'data', 'payload-keys');
  if (!env.PAYLOAD_KEYS?.trim() && !env.PAYLOAD_KEY_FILE?.trim() && existsSync(stackKeyFile)) {
    settings.PAYLOAD_KEY_FILE = stackKeyFile;
  }
  const problems: string[] = [];
  const keys = parsePayloadKeySettings(settings, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return payloadDataConverter(keys);
}
