import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readSecret } from './secret-setting';

type Env = Record<string, string | undefined>;

/** TLS to the Temporal frontend; present means TLS is on (the system CAs unless a CA is given). */
export interface TemporalTls {
  /** TEMPORAL_TLS_SERVER_NAME: the name the server certificate is checked against (SNI). */
  serverName?: string;
  /** TEMPORAL_TLS_CA_FILE: PEM of the CA that signed the server certificate. */
  serverRootCa?: Buffer;
  /** TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE: the mTLS client certificate and key, PEM. */
  clientCert?: { crt: Buffer; key: Buffer };
}

/** How a service proves itself to Temporal: TLS (mTLS for a self-hosted cluster) and an API key (Temporal Cloud). */
export interface TemporalAccess {
  tls?: TemporalTls;
  apiKey?: string;
}

const ON = new Set(['true', '1', 'yes', 'on']);
const OFF = new Set(['false', '0', 'no', 'off']);
const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;

/** The file a setting names, or a problem; `check` says what is wrong with its content, if anything. */
function readPemFile(
  env: Env,
  name: string,
  check: (pem: Buffer) => string | null,
  problems: string[],
): Buffer | undefined {
  const file = env[name]?.trim();
  if (!file) return undefined;
  let pem: Buffer;
  try {
    pem = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    problems.push(`${name}="${file}" cannot be read (${code})`);
    return undefined;
  }
  const problem = check(pem);
  if (problem) problems.push(`${name}="${file}" ${problem}`);
  return problem ? undefined : pem;
}

function certificateProblem(pem: Buffer): string | null {
  try {
    new X509Certificate(pem);
    return null;
  } catch {
    return 'holds no PEM certificate';
  }
}

function privateKeyProblem(pem: Buffer): string | null {
  try {
    createPrivateKey(pem);
    return null;
  } catch {
    return 'holds no PEM private key (an encrypted key is not supported)';
  }
}

/**
 * TEMPORAL_TLS, TEMPORAL_TLS_CERT_FILE / _KEY_FILE / _CA_FILE / _SERVER_NAME and TEMPORAL_API_KEY
 * (or TEMPORAL_API_KEY_FILE). Any of the files, the server name or an API key turns TLS on;
 * `TEMPORAL_TLS=true` alone means TLS with the system CAs (Temporal Cloud with an API key).
 */
export function parseTemporalAccess(env: Env, problems: string[]): TemporalAccess {
  const switchText = env.TEMPORAL_TLS?.trim().toLowerCase() ?? '';
  if (switchText && !ON.has(switchText) && !OFF.has(switchText)) {
    problems.push(`TEMPORAL_TLS="${switchText}" must be true or false (also 1/0, yes/no, on/off)`);
  }
  const crt = readPemFile(env, 'TEMPORAL_TLS_CERT_FILE', certificateProblem, problems);
  const key = readPemFile(env, 'TEMPORAL_TLS_KEY_FILE', privateKeyProblem, problems);
  const serverRootCa = readPemFile(env, 'TEMPORAL_TLS_CA_FILE', certificateProblem, problems);
  const serverName = env.TEMPORAL_TLS_SERVER_NAME?.trim() || undefined;
  const apiKey = readSecret(env, 'TEMPORAL_API_KEY', problems);

  const certSet = Boolean(env.TEMPORAL_TLS_CERT_FILE?.trim());
  const keySet = Boolean(env.TEMPORAL_TLS_KEY_FILE?.trim());
  if (certSet !== keySet) {
    problems.push(
      'TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together (the mTLS client certificate and its key)',
    );
  } else if (crt && key && !new X509Certificate(crt).checkPrivateKey(createPrivateKey(key))) {
    problems.push('TEMPORAL_TLS_KEY_FILE is not the private key of TEMPORAL_TLS_CERT_FILE');
  }
  if (serverName && !HOST_NAME.test(serverName)) {
    problems.push(`TEMPORAL_TLS_SERVER_NAME="${serverName}" is not a host name`);
  }

  const implying = [
    ['TEMPORAL_TLS_CERT_FILE', certSet],
    ['TEMPORAL_TLS_KEY_FILE', keySet],
    ['TEMPORAL_TLS_CA_FILE', Boolean(env.TEMPORAL_TLS_CA_FILE?.trim())],
    ['TEMPORAL_TLS_SERVER_NAME', Boolean(serverName)],
    ['TEMPORAL_API_KEY', Boolean(apiKey)],
  ] as const;
  const implied = implying.filter(([, set]) => set).map(([name]) => name);
  if (OFF.has(switchText) && implied.length > 0) {
    problems.push(`TEMPORAL_TLS=${switchText} contradicts ${implied.join(', ')}, which need TLS`);
  }
  if (!ON.has(switchText) && implied.length === 0) return {};

  const tls: TemporalTls = {};
  if (serverName) tls.serverName = serverName;
  if (serverRootCa) tls.serverRootCa = serverRootCa;
  if (crt && key) tls.clientCert = { crt, key };
  return apiKey ? { tls, apiKey } : { tls };
}
