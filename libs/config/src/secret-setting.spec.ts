import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { readSecret } from './secret-setting';

describe('readSecret (NAME or NAME_FILE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secret-setting-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads the variable itself, trimmed', () => {
    expect(readSecret({ JWT_SECRET: '  s3cret \n' }, 'JWT_SECRET')).toBe('s3cret');
  });

  it('reads the file named by NAME_FILE, without its trailing newline', () => {
    const path = file('jwt', 'from-a-file\n');
    expect(readSecret({ JWT_SECRET_FILE: path }, 'JWT_SECRET')).toBe('from-a-file');
  });

  it('takes unset, empty and an empty file as no value', () => {
    expect(readSecret({}, 'JWT_SECRET')).toBeUndefined();
    expect(readSecret({ JWT_SECRET: ' ' }, 'JWT_SECRET')).toBeUndefined();
    expect(readSecret({ JWT_SECRET_FILE: file('empty', '\n') }, 'JWT_SECRET')).toBeUndefined();
  });

  it('refuses both at once, naming both and quoting neither value', () => {
    const problems: string[] = [];
    const path = file('both', 'file-value');
    expect(
      readSecret({ JWT_SECRET: 'env-value', JWT_SECRET_FILE: path }, 'JWT_SECRET', problems),
    ).toBeUndefined();
    expect(problems).toEqual(['JWT_SECRET and JWT_SECRET_FILE are both set: set one of them']);
  });

  it('names a file it cannot read, with the reason', () => {
    const problems: string[] = [];
    readSecret({ TEMPORAL_API_KEY_FILE: join(dir, 'missing') }, 'TEMPORAL_API_KEY', problems);
    expect(problems).toEqual([
      `TEMPORAL_API_KEY_FILE="${join(dir, 'missing')}" cannot be read (ENOENT)`,
    ]);
    if (process.getuid?.() !== 0) {
      const locked = file('locked', 'x');
      chmodSync(locked, 0o000);
      const more: string[] = [];
      readSecret({ X_FILE: locked }, 'X', more);
      expect(more).toEqual([`X_FILE="${locked}" cannot be read (EACCES)`]);
    }
  });

  it('throws a ConfigError when no problem list is given', () => {
    expect(() => readSecret({ A: 'x', A_FILE: '/dev/null' }, 'A')).toThrow(ConfigError);
  });
});
