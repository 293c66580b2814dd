/**
 * Workflow code (Temporal's deterministic sandbox) imports some of these modules by relative
 * path: they must import nothing but each other — no Node built-ins, no `chinese-days` — and
 * must not read the clock. Only the calendar (through holiday-data.ts) loads `chinese-days`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = __dirname;
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

function importsOf(file: string): string[] {
  const text = readFileSync(join(dir, file), 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^;]*?from\s+'([^']+)'/g)].map((m) => m[1]);
}

function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const spec of importsOf(file)) {
    if (spec.startsWith('./')) closure(`${spec.slice(2)}.ts`, seen);
  }
  return seen;
}

/** Modules the workflow may import. */
const WORKFLOW_SAFE = [
  'ticket.ts',
  'ticket-validation.ts',
  'create-ticket-schema.ts',
  'body-schema.ts',
  'body-reader.ts',
  'body-openapi.ts',
  'phone.ts',
  'case-number.ts',
  'directory.ts',
  'directory-import.ts',
  'csv-text.ts',
  'import-table.ts',
  'case-import.ts',
  'people-import.ts',
  'demo-directory.ts',
  'rule-table.ts',
  'disposition.ts',
  'disposition-model.ts',
  'disposition-proposal.ts',
  'directory-targets.ts',
  'disposition-types.ts',
  'render-rule-table.ts',
  'policy.ts',
  'duration.ts',
  'quiet-hours.ts',
  'working-hours.ts',
  'shanghai-time.ts',
  'calendar-overrides.ts',
  'calendar-types.ts',
  'limits.ts',
  'result.ts',
  'task-queues.ts',
  'iso-time.ts',
  'phone-masking.ts',
  'ledger-types.ts',
];

describe('module purity', () => {
  it.each(WORKFLOW_SAFE)(
    '%s and everything it imports use only relative imports, no calendar data',
    (file) => {
      const reached = closure(file);
      expect(reached.has('holiday-data.ts')).toBe(false);
      expect(reached.has('calendar.ts')).toBe(false);
      for (const f of reached) {
        for (const spec of importsOf(f)) expect(spec).toMatch(/^\.\//);
      }
    },
  );

  it('only holiday-data.ts imports chinese-days', () => {
    const importers = sources.filter((f) => importsOf(f).some((s) => s.startsWith('chinese-days')));
    expect(importers).toEqual(['holiday-data.ts']);
  });

  it('no module reads the clock', () => {
    for (const f of sources) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect({ f, now: /Date\.now\(|new Date\(\)/.test(text) }).toEqual({ f, now: false });
    }
  });

  it('every source module is either workflow-safe or a calendar module', () => {
    expect(sources.filter((f) => !WORKFLOW_SAFE.includes(f)).sort()).toEqual([
      'calendar-import.ts',
      'calendar.ts',
      'holiday-data.ts',
      'index.ts',
    ]);
  });
});
