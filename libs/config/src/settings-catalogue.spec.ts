import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { POLICY_SETTINGS } from '@court/domain';
import {
  renderSettingsBlock,
  renderSettingsTable,
  replaceSettingsBlock,
  SETTINGS_TABLE_END,
  SETTINGS_TABLE_START,
  settingsTablesAreCurrent,
} from './render-settings-table';
import { DEFAULTS } from './service-config';
import { catalogueNames, SETTINGS_CATALOGUE, settingRow } from './settings-catalogue';

const ROOT = join(__dirname, '..', '..', '..');
const CONFIGURATION_DOC = join(ROOT, 'docs', 'configuration.md');

/** The TypeScript sources under `dir` (tests, node_modules and builds left out). */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sources(path);
    }
    return /\.tsx?$/.test(entry.name) && !/\.(spec|test)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const NAME = '[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*';
/** `env.NAME`, `process.env?.NAME`, `env['NAME']`. */
const DIRECT = [
  new RegExp(`\\benv\\??\\.(${NAME})\\b`, 'g'),
  new RegExp(`\\benv\\[\\s*['"\`](${NAME})['"\`]\\s*\\]`, 'g'),
];
/** The loaders' readers: `readSetting(env, 'NAME')`, `positiveInt(env, 'NAME', 10)`, `read('NAME')`… */
const READER_CALL =
  /\b(?:readSetting|readSecret|parsePort|positiveInt|serviceUrl|readPemFile|read|required|integer)\(([^()]*)/g;

/** The env names a source reads (a secret read with readSecret: NAME and NAME_FILE). */
function envNamesRead(text: string): string[] {
  const names: string[] = [];
  for (const pattern of DIRECT) for (const [, name] of text.matchAll(pattern)) names.push(name!);
  for (const [call, args] of text.matchAll(READER_CALL)) {
    for (const [, name] of args!.matchAll(new RegExp(`'(${NAME})'`, 'g'))) {
      if (!name!.includes('_')) continue;
      names.push(name!);
      if (call.startsWith('readSecret(')) names.push(`${name}_FILE`);
    }
  }
  return names;
}

/** name → the files that read it. */
function readers(files: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of files) {
    for (const name of envNamesRead(readFileSync(join(ROOT, file), 'utf8'))) {
      found.set(name, [...new Set([...(found.get(name) ?? []), relative(ROOT, join(ROOT, file))])]);
    }
  }
  return found;
}

const CATALOGUE_FILES = /^libs\/config\/src\/(settings-catalogue|render-settings-table)\.ts$/;
/** The processes' code: what the catalogue must cover. */
const PROCESS_SOURCES = [
  ...sources('apps'),
  ...sources('libs'),
  ...sources('activities'),
  'scripts/start.ts',
].filter((file) => !CATALOGUE_FILES.test(file));
/** The scripts too (`npm start`'s stack, create-admin): where a catalogued name may be read. */
const ALL_SOURCES = [...PROCESS_SOURCES, ...sources('scripts')];

describe('the settings catalogue', () => {
  it('declares every name once', () => {
    const names = catalogueNames();
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('catalogues every env name the code reads', () => {
    const read = readers(PROCESS_SOURCES);
    const missing = [...read].filter(([name]) => !settingRow(name));
    expect(missing).toEqual([]);
  });

  it('catalogues only names something reads', () => {
    const read = readers(ALL_SOURCES);
    expect(catalogueNames().filter((name) => !read.has(name))).toEqual([]);
  });

  it('finds the reads of every form', () => {
    const text = [
      "process.env.HOST?.trim(); env['WEB_ROOT']; env?.LOG_LEVEL;",
      "readSecret(env, 'JWT_SECRET', problems); positiveInt(env, 'AUDIT_RETENTION_DAYS', 1095);",
      "serviceUrl(env, 'NOTIFICATION_URL', 'NOTIFICATION_PORT', 3001); read('SMS_PROVIDER', 'outbox');",
      "new Error('NOT_A_READ'); Symbol('INTAKE_SETTINGS');",
    ].join('\n');
    expect(envNamesRead(text).sort()).toEqual(
      [
        'HOST',
        'WEB_ROOT',
        'LOG_LEVEL',
        'JWT_SECRET',
        'JWT_SECRET_FILE',
        'AUDIT_RETENTION_DAYS',
        'NOTIFICATION_URL',
        'NOTIFICATION_PORT',
        'SMS_PROVIDER',
      ].sort(),
    );
  });

  it('shows the defaults the loaders use', () => {
    for (const [name, value] of Object.entries(DEFAULTS)) {
      expect({ name, default: settingRow(name)?.default }).toEqual({
        name,
        default: expect.stringContaining(`\`${value}\``),
      });
    }
    for (const [name, setting] of Object.entries(POLICY_SETTINGS)) {
      expect({ name, default: settingRow(name)?.default }).toEqual({
        name,
        default: `\`${setting.default}\``,
      });
    }
  });

  it('puts every row in a table with a meaning and at least one reader', () => {
    for (const row of SETTINGS_CATALOGUE) {
      expect(row.meaning.trim()).not.toBe('');
      expect(row.default.trim()).not.toBe('');
      expect(row.readBy.length).toBeGreaterThan(0);
    }
  });
});

describe('docs/configuration.md', () => {
  const doc = readFileSync(CONFIGURATION_DOC, 'utf8');

  it('shows exactly the tables the catalogue renders (npm run docs:settings)', () => {
    expect(settingsTablesAreCurrent(doc)).toBe(true);
  });

  it('renders the columns env | default | meaning, abbreviations as the docs write them', () => {
    const table = renderSettingsTable('beyond');
    expect(table.split('\n')[0]).toMatch(/^\| env +\| default +\| meaning +\|$/);
    expect(table).toContain('`ALIYUN_SMS_ACCESS_KEY_ID` / `_SECRET` / `_SIGN_NAME`');
    expect(table).toContain(
      '`LOGIN_MAX_FAILURES_PER_USER` / `_PER_ADDRESS` / `LOGIN_LOCKOUT_SECONDS`',
    );
  });

  it('notices a hand edit, and the rewrite restores the block', () => {
    const edited = doc.replace('Temporal namespace', 'the Temporal namespace');
    expect(settingsTablesAreCurrent(edited)).toBe(false);
    expect(settingsTablesAreCurrent(replaceSettingsBlock(edited))).toBe(true);
    const block = `${SETTINGS_TABLE_START}${renderSettingsBlock()}${SETTINGS_TABLE_END}`;
    expect(replaceSettingsBlock(doc)).toContain(block);
  });
});
