// Every table, for drizzle-kit and for typed queries. Modules own their tables.
export * from './audit/tables';
export * from './clients/tables';
export * from './identity/tables';
export * from './notifications/tables';
