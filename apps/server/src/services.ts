import { type Database, type DatabaseHandle, migrateDatabase, openDatabase } from '@throughline/db';
import { Keyring, loadMasterKey, type Services } from '@throughline/domain';
import type { Config } from './config';

export function createServices(db: Database, masterKey: Buffer, publicUrl: string): Services {
  return { db, keyring: new Keyring(masterKey), publicUrl, now: () => new Date() };
}

export type Runtime = { handle: DatabaseHandle; services: Services };

/** Opens the database (embedded or DATABASE_URL), applies migrations and loads the master key. */
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
  try {
    await migrateDatabase(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return { handle, services: createServices(handle.db, masterKey, config.publicUrl) };
}
