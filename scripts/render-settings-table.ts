import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceSettingsBlock } from '../libs/config/src/render-settings-table';
import { REPO_ROOT } from './stack/paths';

/** Rewrites docs/configuration.md's settings tables from the catalogue (`npm run docs:settings`). */
const doc = join(REPO_ROOT, 'docs', 'configuration.md');
writeFileSync(doc, replaceSettingsBlock(readFileSync(doc, 'utf8')));
console.log(`settings tables written to ${doc}`);
