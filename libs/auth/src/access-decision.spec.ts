import { decideAccess } from './access-decision';

const account = (
  over: Partial<{ tokenVersion: number; disabled: boolean; mustChangePassword: boolean }> = {},
) => ({
  tokenVersion: 2,
  disabled: false,
  mustChangePassword: false,
  ...over,
});

describe('decideAccess (the guard’s rule)', () => {
  it('allows a token of the account’s current version', () => {
    expect(decideAccess(2, account(), false)).toEqual({ status: 200 });
  });

  it('refuses an older (or newer) version, and a disabled account, with 401', () => {
    expect(decideAccess(1, account(), false).status).toBe(401);
    expect(decideAccess(3, account(), false).status).toBe(401);
    expect(decideAccess(2, account({ disabled: true }), true).status).toBe(401);
  });

  it('holds a token without a version to version 0', () => {
    expect(decideAccess(undefined, account({ tokenVersion: 0 }), false).status).toBe(200);
    expect(decideAccess(undefined, account(), false).status).toBe(401);
  });

  it('no account: refuses a login token (it names a version), allows a minted one', () => {
    expect(decideAccess(0, null, false).status).toBe(401);
    expect(decideAccess(undefined, null, false).status).toBe(200);
  });

  it('must change the password: 403 except where the change is allowed', () => {
    const pending = account({ mustChangePassword: true });
    expect(decideAccess(2, pending, false)).toEqual({
      status: 403,
      message: expect.stringContaining('请先修改密码'),
    });
    expect(decideAccess(2, pending, true).status).toBe(200);
    expect(decideAccess(1, pending, true).status).toBe(401);
  });
});
