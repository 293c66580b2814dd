/** The bare baseline of the intake benchmark: a workflow that does nothing. */
export async function emptyWorkflow(): Promise<void> {}
