import {
  hashPassword,
  needsRehash,
  PASSWORD_HASH_PARAMS,
  passwordProblem,
  verifyPassword,
} from './password';

describe('password hashing (scrypt)', () => {
  it('hashes at OWASP’s scrypt parameters or stronger, with the parameters stored', async () => {
    expect(PASSWORD_HASH_PARAMS.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(PASSWORD_HASH_PARAMS.r).toBeGreaterThanOrEqual(8);
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('verifies an older, weaker hash and says it needs a rehash', async () => {
    const old = await hashPassword('demo12368', { N: 2 ** 15, r: 8, p: 1 });
    expect(old.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('demo12368', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it('refuses malformed or absurd stored hashes without trying them', async () => {
    for (const stored of [
      '',
      'bcrypt$whatever',
      'scrypt$100$8$1$c2FsdA==$aGFzaA==', // N not a power of two
      `scrypt$${2 ** 30}$8$1$c2FsdA==$aGFzaA==`, // would need 128 GiB
      'scrypt$16384$8$1$$',
    ]) {
      expect(await verifyPassword('x', stored)).toBe(false);
      expect(needsRehash(stored)).toBe(true);
    }
  });
});

describe('passwordProblem (API.md: at least 10 characters, not the id)', () => {
  it.each([
    ['short', 'agent01', '密码至少 10 个字符'],
    ['123456789', 'x', '密码至少 10 个字符'],
    ['supervisor01', 'supervisor01', '密码不能与用户名相同'],
    ['Supervisor01 ', 'supervisor01', '密码不能与用户名相同'],
    ['a-long-password', 'agent01', null],
  ])('%s for %s', (password, id, problem) => {
    expect(passwordProblem(password, id)).toBe(problem);
  });
});
