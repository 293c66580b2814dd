export * from './calendar/calendar.activities';
export * from './ledger/ledger.activities';
export * from './notifications/notification.activities';
export * from './policy/policy.activities';
