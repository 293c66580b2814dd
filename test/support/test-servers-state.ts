import type { ProvidedServer } from '../../scripts/stack/servers';
import type { Supervisor } from '../../scripts/stack/supervisor';

/** What the global set-up hands to the global tear-down (they share one process). */
export interface TestServersState {
  supervisor: Supervisor;
  servers: ProvidedServer[];
  namespace: string;
  mongodbUri: string;
}

export const TEST_STATE_KEY = '__court12368TestServers';
