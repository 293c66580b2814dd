import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { shout } from './console-output';

const OWNER_ONLY = 0o700;
const STICKY = 0o1000;

/**
 * Makes `folder` (and its missing parents) readable by this user alone: the data folder holds
 * the ledger, Temporal's history and the dev secrets, all personal data. An existing folder
 * is narrowed to 0700 too, unless it is a shared one (sticky, like /tmp) or not ours.
 */
export function ensurePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: OWNER_ONLY });
  const { mode, uid } = statSync(folder);
  if ((mode & 0o777) === OWNER_ONLY) return;
  if (mode & STICKY || uid !== process.getuid?.()) {
    shout(`${folder} is readable by others and not ours to narrow: keep the data elsewhere`);
    return;
  }
  chmodSync(folder, OWNER_ONLY);
}
