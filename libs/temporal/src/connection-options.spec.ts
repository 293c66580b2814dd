import { temporalConnectionOptions } from './connection-options';

describe('temporalConnectionOptions', () => {
  it('is the address alone for a plain-text server (the embedded default)', () => {
    expect(temporalConnectionOptions({ address: '127.0.0.1:7233' })).toEqual({
      address: '127.0.0.1:7233',
    });
  });

  it('passes mTLS: the client pair, the server CA and the name checked', () => {
    const crt = Buffer.from('cert');
    const key = Buffer.from('key');
    const ca = Buffer.from('ca');
    expect(
      temporalConnectionOptions({
        address: 'temporal.court.internal:7233',
        tls: { serverName: 'temporal', serverRootCa: ca, clientCert: { crt, key } },
      }),
    ).toEqual({
      address: 'temporal.court.internal:7233',
      tls: {
        serverNameOverride: 'temporal',
        serverRootCACertificate: ca,
        clientCertPair: { crt, key },
      },
    });
  });

  it('passes an API key over TLS with the system CAs (Temporal Cloud)', () => {
    expect(
      temporalConnectionOptions({
        address: 'court.a1b2c.tmprl.cloud:7233',
        tls: {},
        apiKey: 'cloud-key',
      }),
    ).toEqual({ address: 'court.a1b2c.tmprl.cloud:7233', tls: {}, apiKey: 'cloud-key' });
  });
});
