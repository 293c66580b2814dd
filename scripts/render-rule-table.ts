import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceRuleTableBlock } from '../libs/domain/src/render-rule-table';
import { REPO_ROOT } from './stack/paths';

/** Rewrites docs/rule-table.md's rule table of Article 4 from the code (`npm run docs:rules`). */
const readme = join(REPO_ROOT, 'docs', 'rule-table.md');
writeFileSync(readme, replaceRuleTableBlock(readFileSync(readme, 'utf8')));
console.log(`rule table of Article 4 written to ${readme}`);
