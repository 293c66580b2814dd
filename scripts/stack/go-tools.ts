import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { say, seconds } from './console-output';
import { REPO_ROOT, TOOLS_BIN } from './paths';

/** Pinned: later CLI releases need a Go sub-module that the module proxy does not serve. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

const FERRETDB_SOURCE = join(REPO_ROOT, 'tools', 'ferretdb');

export function hasGo(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

export function onPath(command: string): string | null {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

async function runWithProgress(label: string, command: string, args: string[], cwd: string) {
  const started = Date.now();
  say(`${label}: ${command} ${args.join(' ')}`);
  const ticker = setInterval(
    () => say(`${label}: still building (${seconds(Date.now() - started)})…`),
    15_000,
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, {
        cwd,
        env: { ...process.env, GOBIN: TOOLS_BIN, GOFLAGS: '-mod=mod' },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`${label} failed (exit code ${code})`)),
      );
    });
  } finally {
    clearInterval(ticker);
  }
  say(`${label}: done in ${seconds(Date.now() - started)}`);
}

/** The Temporal CLI built from its Go module into .tools/bin, once; null when Go is missing. */
export async function ensureTemporalCli(): Promise<string | null> {
  const binary = join(TOOLS_BIN, 'temporal');
  const stamp = join(TOOLS_BIN, 'temporal.version');
  if (
    existsSync(binary) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === TEMPORAL_CLI_VERSION
  ) {
    return binary;
  }
  if (!hasGo()) return null;
  mkdirSync(TOOLS_BIN, { recursive: true });
  say('首次运行：构建 Temporal CLI (first run: building the Temporal CLI, 3–7 min cold)');
  await runWithProgress(
    'temporal cli',
    'go',
    ['install', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`],
    REPO_ROOT,
  );
  writeFileSync(stamp, TEMPORAL_CLI_VERSION);
  return binary;
}

function newestSourceTime(): number {
  return Math.max(
    ...['main.go', 'go.mod', 'go.sum'].map((file) => statSync(join(FERRETDB_SOURCE, file)).mtimeMs),
  );
}

/** The FerretDB launcher (tools/ferretdb) built into .tools/bin; rebuilt when its source changes. */
export async function ensureFerretDbLauncher(): Promise<string | null> {
  const binary = join(TOOLS_BIN, 'ferretdb-launcher');
  if (existsSync(binary) && statSync(binary).mtimeMs >= newestSourceTime()) return binary;
  if (!hasGo()) return null;
  mkdirSync(TOOLS_BIN, { recursive: true });
  say('构建 FerretDB 启动器 (building the FerretDB launcher, 1–3 min cold)');
  await runWithProgress('ferretdb', 'go', ['build', '-o', binary, '.'], FERRETDB_SOURCE);
  return binary;
}
