import { useSyncExternalStore } from 'react';
import { getSession, onSessionChange, type Session } from './session';

/** The current session; components re-render when it changes (login, logout, expiry). */
export function useSession(): Session | null {
  return useSyncExternalStore(onSessionChange, getSession, getSession);
}
