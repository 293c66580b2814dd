import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTemporalAccess } from './temporal-access';

const dir = mkdtempSync(join(tmpdir(), 'temporal-access-'));

/** A throw-away self-signed certificate and its EC key, made by openssl. */
function makeCertificate(name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { cert, key };
}

function parse(env: Record<string, string>) {
  const problems: string[] = [];
  const access = parseTemporalAccess(env, problems);
  return { access, problems };
}

describe('Temporal TLS and API key settings', () => {
  const client = makeCertificate('client');
  const other = makeCertificate('other');
  const ca = makeCertificate('ca');

  it('connects in plain text when nothing is set', () => {
    expect(parse({})).toEqual({ access: {}, problems: [] });
    expect(parse({ TEMPORAL_TLS: 'false' })).toEqual({ access: {}, problems: [] });
  });

  it('TEMPORAL_TLS=true alone: TLS with the system CAs', () => {
    expect(parse({ TEMPORAL_TLS: 'true' })).toEqual({ access: { tls: {} }, problems: [] });
  });

  it('mTLS: the client certificate and key, the server CA and name, read from their files', () => {
    const { access, problems } = parse({
      TEMPORAL_TLS_CERT_FILE: client.cert,
      TEMPORAL_TLS_KEY_FILE: client.key,
      TEMPORAL_TLS_CA_FILE: ca.cert,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.court.internal',
    });
    expect(problems).toEqual([]);
    expect(access).toEqual({
      tls: {
        serverName: 'temporal.court.internal',
        serverRootCa: readFileSync(ca.cert),
        clientCert: { crt: readFileSync(client.cert), key: readFileSync(client.key) },
      },
    });
  });

  it('an API key (Temporal Cloud) implies TLS, from the variable or its file', () => {
    expect(parse({ TEMPORAL_API_KEY: 'key-1' })).toEqual({
      access: { tls: {}, apiKey: 'key-1' },
      problems: [],
    });
    const file = join(dir, 'api-key');
    writeFileSync(file, 'key-2\n');
    expect(parse({ TEMPORAL_API_KEY_FILE: file }).access).toEqual({ tls: {}, apiKey: 'key-2' });
  });

  it('names every bad variable at once', () => {
    const { problems } = parse({
      TEMPORAL_TLS: 'maybe',
      TEMPORAL_TLS_CERT_FILE: client.key,
      TEMPORAL_TLS_CA_FILE: join(dir, 'missing.pem'),
      TEMPORAL_TLS_SERVER_NAME: 'not a host',
    });
    expect(problems).toEqual([
      'TEMPORAL_TLS="maybe" must be true or false (also 1/0, yes/no, on/off)',
      `TEMPORAL_TLS_CERT_FILE="${client.key}" holds no PEM certificate`,
      `TEMPORAL_TLS_CA_FILE="${join(dir, 'missing.pem')}" cannot be read (ENOENT)`,
      'TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together (the mTLS client certificate and its key)',
      'TEMPORAL_TLS_SERVER_NAME="not a host" is not a host name',
    ]);
  });

  it('refuses a key that is not the certificate’s, and a key file without a key', () => {
    expect(
      parse({ TEMPORAL_TLS_CERT_FILE: client.cert, TEMPORAL_TLS_KEY_FILE: other.key }).problems,
    ).toEqual(['TEMPORAL_TLS_KEY_FILE is not the private key of TEMPORAL_TLS_CERT_FILE']);
    expect(
      parse({ TEMPORAL_TLS_CERT_FILE: client.cert, TEMPORAL_TLS_KEY_FILE: client.cert }).problems,
    ).toEqual([
      `TEMPORAL_TLS_KEY_FILE="${client.cert}" holds no PEM private key (an encrypted key is not supported)`,
    ]);
  });

  it('refuses TEMPORAL_TLS=false beside settings that need TLS', () => {
    expect(parse({ TEMPORAL_TLS: 'off', TEMPORAL_API_KEY: 'k' }).problems).toEqual([
      'TEMPORAL_TLS=off contradicts TEMPORAL_API_KEY, which need TLS',
    ]);
  });
});
