import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devJwtSecret, devPayloadKeyFile } from './dev-secret';
import { ensurePrivateFolder } from './private-folder';

const modeOf = (path: string) => statSync(path).mode & 0o7777;

describe('the data folder and the dev secrets in it', () => {
  const scratch = () => mkdtempSync(join(tmpdir(), 'dev-secret-spec-'));

  it('creates the data folder, and its missing parents, readable by this user alone', () => {
    const dataDir = join(scratch(), 'a', 'data');
    ensurePrivateFolder(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, '..'))).toBe(0o700);
  });

  it('narrows an existing data folder to 0700', () => {
    const dataDir = join(scratch(), 'data');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    ensurePrivateFolder(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
  });

  it('leaves a shared sticky folder such as /tmp alone', () => {
    const shared = join(scratch(), 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    const warn = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    ensurePrivateFolder(shared);
    expect(modeOf(shared)).toBe(0o1777);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not ours to narrow'));
    warn.mockRestore();
  });

  it('generates one payload key k1 of 32 bytes, once, in a file only this user reads', () => {
    const dataDir = join(scratch(), 'data');
    const say = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const file = devPayloadKeyFile(dataDir);
    expect(say).toHaveBeenCalledTimes(1);
    expect(say).toHaveBeenCalledWith(expect.stringContaining(`generated the payload key ${file}`));
    expect(file).toBe(join(dataDir, 'payload-keys'));
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(dataDir)).toBe(0o700);
    const content = readFileSync(file, 'utf8');
    const [line, ...rest] = content.trimEnd().split('\n');
    expect(rest).toEqual([]);
    const [, id, key] = /^(\w+):([A-Za-z0-9+/=]+)$/.exec(line!) ?? [];
    expect(id).toBe('k1');
    expect(Buffer.from(key!, 'base64')).toHaveLength(32);
    expect(devPayloadKeyFile(dataDir)).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(say).toHaveBeenCalledTimes(1);
    say.mockRestore();
  });

  it('keeps the JWT secret across starts', () => {
    const dataDir = join(scratch(), 'data');
    const secret = devJwtSecret(dataDir);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(devJwtSecret(dataDir)).toBe(secret);
    expect(modeOf(join(dataDir, 'jwt-secret'))).toBe(0o600);
  });
});
