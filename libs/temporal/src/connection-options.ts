import type { TemporalSettings } from '@court/config';
import type { TLSConfig } from '@temporalio/client';

/** What both `Connection.connect` (client) and `NativeConnection.connect` (worker) accept. */
export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig;
  apiKey?: string;
}

/**
 * The one place that turns the settings into connection options: every client and worker of
 * the services connects with these, so TLS, mTLS and a Temporal Cloud API key apply to all.
 */
export function temporalConnectionOptions(
  settings: Pick<TemporalSettings, 'address' | 'tls' | 'apiKey'>,
): TemporalConnectionOptions {
  const options: TemporalConnectionOptions = { address: settings.address };
  if (settings.tls) {
    const { serverName, serverRootCa, clientCert } = settings.tls;
    const tls: TLSConfig = {};
    if (serverName) tls.serverNameOverride = serverName;
    if (serverRootCa) tls.serverRootCACertificate = serverRootCa;
    if (clientCert) tls.clientCertPair = { crt: clientCert.crt, key: clientCert.key };
    options.tls = tls;
  }
  if (settings.apiKey) options.apiKey = settings.apiKey;
  return options;
}
