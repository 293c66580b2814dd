/**
 * Tells the process that started this one (npm start's supervisor, over the IPC channel)
 * that the service is ready. Without a parent channel, it only logs.
 */
export function signalReady(service: string, detail: string): void {
  console.log(`${service} ready: ${detail}`);
  if (process.send) {
    process.send({ type: 'ready', service, detail });
    stopWhenSupervisorGoes();
  }
}

/** When the supervising process goes away (its IPC channel closes), stop gracefully too. */
export function stopWhenSupervisorGoes(): void {
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
