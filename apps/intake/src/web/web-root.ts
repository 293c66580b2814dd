import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built SPA: `WEB_ROOT`, else dist/web next to the compiled app, or from the sources' point
 * of view.
 */
export function webRoot(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [
    env.WEB_ROOT?.trim(),
    join(__dirname, '..', '..', '..', '..', 'web'),
    join(__dirname, '..', '..', '..', '..', 'dist', 'web'),
  ].filter((path): path is string => Boolean(path));
  return candidates.find((path) => existsSync(join(path, 'index.html'))) ?? candidates[0]!;
}
