import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The layer rules of .dependency-cruiser.cjs hold for every server module (README, "Layout and its rules"). */

const ROOT = resolve(__dirname, '..');
const LAYERS = ['apps/intake', 'apps/notification', 'apps/reporting', 'apps/worker', 'libs'];
const SANDBOXED = ['workflows', 'activities'];

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function violations(): string[] {
  const bin = resolve(ROOT, 'node_modules', '.bin', 'depcruise');
  let out: string;
  try {
    out = execFileSync(
      bin,
      [...LAYERS, ...SANDBOXED, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (error) {
    // depcruise exits non-zero when it finds errors; its report is still on stdout
    out = String((error as { stdout?: string }).stdout ?? '');
    if (!out) throw error;
  }
  const report = JSON.parse(out) as { summary: { violations: Violation[] } };
  return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('layer rules', () => {
  it('apps → contracts, libs; workflows → contracts, domain; activities → libs; libs → libs', () => {
    expect(violations()).toEqual([]);
  }, 60_000);
});
