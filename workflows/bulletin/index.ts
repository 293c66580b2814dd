// The workflows the reporting service's worker runs (task queue `reporting`), a bundle of
// their own. Workflow code only: deterministic, no I/O, relative imports.
export { bulletinWorkflow } from './bulletin.workflow';
