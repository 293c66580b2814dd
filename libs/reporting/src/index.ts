/**
 * @court/reporting — what the ledger means: its rows and columns, periods, the quality
 * metrics, the acceptance deadline, the directory's names. Used by the reporting service's
 * HTTP API and by its activities.
 */
export * from './acceptance';
export * from './csv';
export * from './directory-names';
export * from './facts-queries';
export * from './ledger-query';
export * from './ledger-rows';
export * from './metrics';
export * from './period';
