import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

/**
 * A secret from `NAME` or from the file named by `NAME_FILE` (Docker and Kubernetes secrets),
 * trimmed; unset, empty, or an empty file: undefined. Setting both, or a file that cannot be
 * read, is a problem (pushed to `problems`, or thrown as a ConfigError without one). No problem
 * quotes the secret itself.
 */
export function readSecret(env: Env, name: string, problems?: string[]): string | undefined {
  const report = (problem: string) => {
    if (!problems) throw new ConfigError([problem]);
    problems.push(problem);
    return undefined;
  };
  const value = env[name]?.trim();
  const file = env[`${name}_FILE`]?.trim();
  if (value && file) return report(`${name} and ${name}_FILE are both set: set one of them`);
  if (!file) return value || undefined;
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return report(`${name}_FILE="${file}" cannot be read (${code})`);
  }
}
