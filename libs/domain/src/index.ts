/**
 * @court/domain — the pure core of the 12368 work-order system: the ticket model and its
 * validation, the court directory, the Article 4 rule table, the policy, and the court
 * calendar. No I/O.
 *
 * Workflow code (Temporal's deterministic sandbox) must import the modules it needs by
 * relative path, not this index: `calendar.ts` and `holiday-data.ts` pull in the
 * `chinese-days` data, which workflows should not load (calendar arithmetic runs in
 * activities).
 */

export * from './body-openapi';
export * from './body-schema';
export * from './calendar';
export * from './calendar-import';
export * from './calendar-overrides';
export * from './calendar-types';
export * from './case-import';
export * from './case-number';
export * from './create-ticket-schema';
export * from './csv-text';
export * from './demo-directory';
export * from './directory';
export * from './directory-import';
export { escalationLadder } from './directory-targets';
export * from './disposition';
export * from './disposition-model';
export * from './disposition-proposal';
export * from './disposition-types';
export * from './duration';
export * from './holiday-data';
export * from './iso-time';
export * from './ledger-types';
export * from './limits';
export * from './people-import';
export * from './phone';
export * from './phone-masking';
export * from './policy';
export * from './quiet-hours';
export * from './render-rule-table';
export * from './result';
export * from './rule-table';
export * from './shanghai-time';
export * from './ticket';
export * from './ticket-validation';
export * from './working-hours';
