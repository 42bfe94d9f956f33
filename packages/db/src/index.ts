export { backupDatabase, restoreDatabase } from './backup';
export { type Database, type DatabaseHandle, openDatabase, poolFor } from './connection';
export { freePort, runningClusterPort, startEmbeddedCluster } from './embedded';
export { migrateDatabase, migrationsFolder } from './migrate';
export { APP_ROLE, ensureDatabaseRoles, type RoleSetup, SEALER_ROLE } from './roles';
