import { listenHost, logLevel, trustProxy } from './process-settings';

describe('trustProxy (TRUST_PROXY → Express "trust proxy")', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['false', undefined],
    ['true', true],
    ['1', 1],
    ['loopback', 'loopback'],
    ['10.0.0.0/8, 127.0.0.1', '10.0.0.0/8, 127.0.0.1'],
  ])('%s → %s', (raw, expected) => {
    expect(trustProxy({ TRUST_PROXY: raw })).toEqual(expected);
  });
});

describe('listenHost (HOST)', () => {
  it('is loopback unless set', () => {
    expect(listenHost({})).toBe('127.0.0.1');
    expect(listenHost({ HOST: ' ' })).toBe('127.0.0.1');
    expect(listenHost({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
  });
});

describe('logLevel (LOG_LEVEL)', () => {
  it.each([
    [undefined, 'info'],
    ['DEBUG', 'debug'],
    ['warn', 'warn'],
    ['verbose', 'info'],
  ])('%s → %s', (raw, expected) => {
    expect(logLevel({ LOG_LEVEL: raw })).toBe(expected);
  });
});
