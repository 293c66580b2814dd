import { parseTrustProxy } from './configure-http-app';

describe('parseTrustProxy (TRUST_PROXY → Express "trust proxy")', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['false', undefined],
    ['true', true],
    ['1', 1],
    ['loopback', 'loopback'],
    ['10.0.0.0/8, 127.0.0.1', '10.0.0.0/8, 127.0.0.1'],
  ])('%s → %s', (raw, expected) => {
    expect(parseTrustProxy(raw)).toEqual(expected);
  });
});
