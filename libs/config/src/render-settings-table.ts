import { normalizeMarkdownBlock } from '@court/domain';
/**
 * Renders the settings catalogue (settings-catalogue.ts) as the two tables of
 * docs/configuration.md, between `<!-- settings-table:start -->` and `<!-- settings-table:end -->`.
 * Pure: the caller reads and writes the file (`npm run docs:settings`); a spec test checks
 * docs/configuration.md.
 */

import {
  SETTINGS_CATALOGUE,
  type SettingName,
  type SettingRow,
  type SettingSection,
} from './settings-catalogue';

export const SETTINGS_TABLE_START = '<!-- settings-table:start -->';
export const SETTINGS_TABLE_END = '<!-- settings-table:end -->';

const HEADER = ['env', 'default', 'meaning'] as const;

const shownName = (name: SettingName) => `\`${typeof name === 'string' ? name : name.shown}\``;

/** The columns a Markdown formatter gives a text: CJK characters take two. */
function width(text: string): number {
  let columns = 0;
  for (const char of text)
    columns +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      )
        ? 2
        : 1;
  return columns;
}

const pad = (text: string, columns: number) => text + ' '.repeat(columns - width(text));

/** One section's rows as an aligned Markdown table: env | default | meaning. */
export function renderSettingsTable(
  section: SettingSection,
  rows: readonly SettingRow[] = SETTINGS_CATALOGUE,
): string {
  const body = rows
    .filter((row) => row.section === section)
    .map((row) => [row.names.map(shownName).join(' / '), row.default, row.meaning]);
  const columns = HEADER.map((title, i) =>
    Math.max(3, width(title), ...body.map((cells) => width(cells[i]!))),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => pad(cell.replace(/\|/g, '\\|'), columns[i]!)).join(' | ')} |`;
  return [
    line(HEADER),
    `| ${columns.map((c) => '-'.repeat(c)).join(' | ')} |`,
    ...body.map(line),
  ].join('\n');
}

/** The whole block between the markers (markers excluded). */
export function renderSettingsBlock(rows: readonly SettingRow[] = SETTINGS_CATALOGUE): string {
  return [
    '',
    '<!-- generated from libs/config/src/settings-catalogue.ts (npm run docs:settings); do not edit by hand -->',
    '',
    renderSettingsTable('policy', rows),
    '',
    'Beyond API.md, each service reads:',
    '',
    renderSettingsTable('beyond', rows),
    '',
  ].join('\n');
}

/** The document with its settings block replaced by the rendered tables. */
export function replaceSettingsBlock(
  doc: string,
  rows: readonly SettingRow[] = SETTINGS_CATALOGUE,
): string {
  const start = doc.indexOf(SETTINGS_TABLE_START);
  const end = doc.indexOf(SETTINGS_TABLE_END);
  if (start < 0 || end < start) {
    throw new Error(`the document has no ${SETTINGS_TABLE_START} … ${SETTINGS_TABLE_END} markers`);
  }
  return (
    doc.slice(0, start + SETTINGS_TABLE_START.length) + renderSettingsBlock(rows) + doc.slice(end)
  );
}

/** The text between the markers, or null when they are missing. */
export function extractSettingsBlock(doc: string): string | null {
  const start = doc.indexOf(SETTINGS_TABLE_START);
  const end = doc.indexOf(SETTINGS_TABLE_END);
  return start < 0 || end < start ? null : doc.slice(start + SETTINGS_TABLE_START.length, end);
}

/** Does the document's block show the tables the catalogue renders (padding aside)? */
export function settingsTablesAreCurrent(
  doc: string,
  rows: readonly SettingRow[] = SETTINGS_CATALOGUE,
): boolean {
  const block = extractSettingsBlock(doc);
  return (
    block !== null &&
    normalizeMarkdownBlock(block) === normalizeMarkdownBlock(renderSettingsBlock(rows))
  );
}
