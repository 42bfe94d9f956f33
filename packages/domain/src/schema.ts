// Every table, for drizzle-kit and for typed queries. Modules own their tables.
export * from './aftercare/tables';
export * from './agreements/tables';
export * from './appointments/tables';
export * from './audit/tables';
export * from './boundaries/tables';
export * from './calendar/tables';
export * from './carry-forward/tables';
export * from './clients/tables';
export * from './consent/tables';
export * from './contact/tables';
export * from './episodes/tables';
export * from './goals/tables';
export * from './identity/tables';
export * from './measures/tables';
export * from './notes/tables';
export * from './notifications/tables';
export * from './supervision/tables';
