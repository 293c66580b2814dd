import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SOURCES = ['apps', 'libs', 'workflows', 'activities', 'scripts'];
/** What the build reads: TypeScript, the web app's TSX, styles, page and build config. */
const SOURCE_FILE = /\.(ts|tsx|mts|css|html)$/;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // the web app's generated API types are written by the build itself
    if (entry.isDirectory()) {
      if (entry.name !== 'generated') newest = Math.max(newest, newestSource(path));
    } else if (SOURCE_FILE.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The compiled entry point of an app, as `npm start` and the Dockerfile run it; built first
 * when missing or older than the sources (tests that kill a real process need a real one).
 */
export function builtAppEntry(app: 'worker' | 'intake' | 'notification' | 'reporting'): string {
  const entry = join(ROOT, 'dist', 'apps', app, 'src', 'main.js');
  const outputs = [
    entry,
    join(ROOT, 'dist', 'workflow-bundle.js'),
    join(ROOT, 'dist', 'web', 'index.html'),
  ];
  const stale =
    outputs.some((file) => !existsSync(file)) ||
    Math.min(...outputs.map((file) => statSync(file).mtimeMs)) <
      Math.max(...SOURCES.map((dir) => newestSource(join(ROOT, dir))));
  if (stale) {
    const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm run build failed (exit code ${result.status})`);
  }
  return entry;
}
