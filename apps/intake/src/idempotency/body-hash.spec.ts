import { bodyHash, canonicalJson } from './body-hash';

describe('idempotency body hash', () => {
  it('ignores key order and undefined values, not content', () => {
    const a = { caller: { name: '张三', phone: '13800138000' }, type: 'other', x: undefined };
    const b = { type: 'other', caller: { phone: '13800138000', name: '张三' } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(bodyHash(a)).toBe(bodyHash(b));
    expect(bodyHash({ ...b, type: 'petition' })).not.toBe(bodyHash(b));
    expect(bodyHash({ list: [1, 2] })).not.toBe(bodyHash({ list: [2, 1] }));
    expect(bodyHash({ a: null })).not.toBe(bodyHash({}));
  });
});
