import {
  APP_ROLE,
  type Database,
  type DatabaseHandle,
  migrateDatabase,
  openDatabase,
  type RoleSetup,
  SEALER_ROLE,
} from '@throughline/db';
import { encryptLegacyPlaintext, Keyring, loadMasterKey, type Services } from '@throughline/domain';
import type { Config } from './config';

export function createServices(db: Database, masterKey: Buffer, publicUrl: string): Services {
  return { db, keyring: new Keyring(masterKey), publicUrl, now: () => new Date() };
}

export type Runtime = {
  handle: DatabaseHandle;
  /** Requests and commands: as the app role, which may only insert into the audit tables. */
  services: Services;
  /** The audit sealer's connection: as the sealer role (seal columns and chain head only). */
  sealerDb: Database;
  roles: RoleSetup;
  dataDir: string;
};

/**
 * Opens the database (embedded or DATABASE_URL), applies migrations, encrypts any plaintext an
 * earlier version left in columns that are now encrypted (issue 7), loads the master key, and
 * connects as the restricted roles. When they could not be set up (the user may not create roles)
 * it still starts, on the connecting user's own rights, and warns.
 */
export async function openRuntime(
  config: Config,
  log: (line: string) => void = () => {},
): Promise<Runtime> {
  const masterKey = loadMasterKey({ envValue: config.masterKey, dataDir: config.dataDir });
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    log,
  });
  let roles: RoleSetup;
  try {
    roles = await migrateDatabase(handle.db);
    // After the migrations (the columns must be text) and before anything reads them.
    const sealed = await encryptLegacyPlaintext(handle.db, new Keyring(masterKey));
    for (const [column, count] of Object.entries(sealed))
      log(`encrypted ${count} plaintext value(s) left by an earlier version in ${column}`);
  } catch (error) {
    await handle.close();
    throw error;
  }
  if (!roles.ok) {
    process.stderr.write(
      `warning: the audit log is not protected by database roles: ${roles.reason}. ` +
        'Requests can then change audit events as far as the database user can; see docs/security.md.\n',
    );
  }
  const app = roles.ok ? handle.connectAs(APP_ROLE).db : handle.db;
  const sealerDb = roles.ok ? handle.connectAs(SEALER_ROLE, 2).db : handle.db;
  return {
    handle,
    services: createServices(app, masterKey, config.publicUrl),
    sealerDb,
    roles,
    dataDir: config.dataDir,
  };
}
