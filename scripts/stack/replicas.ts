/** The most instances `--replicas` starts of an app; their ports stay below the next app's. */
export const MAX_REPLICAS = 9;

/** Instance n of an app listens on its port + (n − 1) × this: intake 3000, 3010, 3020 … */
export const REPLICA_PORT_STEP = 10;

/**
 * How many instances of each scalable app `npm start` runs: `--replicas N` (or `--replicas=N`)
 * on the command line, else `STACK_REPLICAS`, else 1.
 */
export function replicaCount(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const flag = argv.findIndex((arg) => arg === '--replicas' || arg.startsWith('--replicas='));
  const raw =
    flag < 0
      ? env.STACK_REPLICAS?.trim() || '1'
      : argv[flag]!.includes('=')
        ? argv[flag]!.slice('--replicas='.length)
        : (argv[flag + 1] ?? '');
  const count = Number(raw);
  if (!/^\d+$/.test(raw) || count < 1 || count > MAX_REPLICAS) {
    const source = flag < 0 ? 'STACK_REPLICAS' : '--replicas';
    throw new Error(`${source}="${raw}" must be a whole number from 1 to ${MAX_REPLICAS}`);
  }
  return count;
}

/** The n-th instance's name (1-based): `intake`, `intake-2`, `intake-3` … */
export function replicaName(app: string, n: number): string {
  return n === 1 ? app : `${app}-${n}`;
}

export function replicaPort(basePort: number, n: number): number {
  return basePort + (n - 1) * REPLICA_PORT_STEP;
}

/** A port setting of the n-th instance: a port moves up as `replicaPort`; `off` stays off. */
export function replicaPortSetting(raw: string | undefined, fallback: number, n: number): string {
  const value = raw?.trim() || String(fallback);
  return /^\d+$/.test(value) ? String(replicaPort(Number(value), n)) : value;
}
