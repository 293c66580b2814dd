export * from './database.module';
export * from './schemas/calendar-override.schema';
export * from './schemas/directory-person.schema';
export * from './schemas/notification.schema';
export * from './schemas/ticket-ledger.schema';
export * from './schemas/voicemail.schema';
