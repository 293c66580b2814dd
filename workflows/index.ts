// The workflows the ticket worker runs. Workflow code only: deterministic, no I/O, and
// relative imports (the workflow bundler does not resolve tsconfig path aliases).
export { ticketWorkflow } from './ticket/ticket.workflow';
export { voicemailWorkflow } from './voicemail/voicemail.workflow';
