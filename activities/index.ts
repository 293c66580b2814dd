export * from './calendar/calendar.activities';
export * from './ledger/ledger.activities';
export * from './notifications/notice';
export * from './notifications/notification.activities';
export * from './notifications/templates';
export * from './policy/policy.activities';
