import { RecentIds } from './recent-ids';

describe('RecentIds', () => {
  it('remembers ids until told that no re-read returns them', () => {
    const ids = new RecentIds();
    ids.add('a', 10);
    ids.add('b', 20);
    ids.add('c', 30);
    expect(ids.has('b')).toBe(true);
    ids.forgetUpTo(20);
    expect([ids.has('a'), ids.has('b'), ids.has('c')]).toEqual([false, false, true]);
    expect(ids.size).toBe(1);
  });
});
