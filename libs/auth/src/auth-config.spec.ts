import { ConfigError } from '@court/config';
import { loadAuthConfig } from './auth-config';

const SECRET = 'a-secret-of-at-least-32-characters!!';

describe('loadAuthConfig', () => {
  it('reads the secret and the token lifetime (default 28800 s)', () => {
    expect(loadAuthConfig({ JWT_SECRET: SECRET })).toEqual({
      secret: SECRET,
      expiresInSeconds: 28800,
    });
    expect(loadAuthConfig({ JWT_SECRET: SECRET, JWT_EXPIRES_IN: '60' }).expiresInSeconds).toBe(60);
  });

  it('names every bad variable in one configuration error', () => {
    let error: unknown;
    try {
      loadAuthConfig({ JWT_SECRET: 'short', JWT_EXPIRES_IN: '1h' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'JWT_SECRET (or JWT_SECRET_FILE) must be set to at least 32 characters (npm start generates one under data/)',
      'JWT_EXPIRES_IN="1h" must be a whole number of seconds',
    ]);
  });

  it('reports a secret set twice once, not also as missing', () => {
    expect(() => loadAuthConfig({ JWT_SECRET: SECRET, JWT_SECRET_FILE: '/dev/null' })).toThrow(
      /JWT_SECRET and JWT_SECRET_FILE are both set: set one of them$/,
    );
  });
});
