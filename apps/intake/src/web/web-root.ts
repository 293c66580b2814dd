import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built SPA: dist/web next to the compiled app, or from the sources' point of view. */
export function webRoot(): string {
  const candidates = [
    process.env.WEB_ROOT?.trim(),
    join(__dirname, '..', '..', '..', '..', 'web'),
    join(__dirname, '..', '..', '..', '..', 'dist', 'web'),
  ].filter((path): path is string => Boolean(path));
  return candidates.find((path) => existsSync(join(path, 'index.html'))) ?? candidates[0]!;
}
