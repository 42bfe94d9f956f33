import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';

/*
 * A logical backup of the application's tables: gzip'd JSON lines, one header line, then one line
 * per batch of rows. PostgreSQL itself converts rows to JSON and back (row_to_json /
 * json_populate_recordset), so every column type round-trips. Encrypted fields stay encrypted:
 * keep the master key safe separately; without it the backup's notes cannot be read.
 */
const FORMAT = 'throughline-backup';
const VERSION = 1;
const BATCH = 500;

type Header = {
  format: string;
  version: number;
  createdAt: string;
  migrations: number;
  tables: string[];
};
type Batch = { table: string; rows: unknown[] };

/** Application tables, parents before children (by foreign key), so a restore can insert in order. */
async function tablesInDependencyOrder(client: pg.PoolClient): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    )
  ).rows.map((r) => r.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    )
  ).rows;
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const e of edges) if (e.child === table && e.parent !== table) visit(e.parent, path);
    ordered.push(table);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function migrationCount(client: pg.PoolClient): Promise<number> {
  const result = await client.query<{ n: string }>(
    'SELECT count(*)::text AS n FROM drizzle.__drizzle_migrations',
  );
  return Number(result.rows[0]?.n ?? 0);
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function backupDatabase(
  pool: pg.Pool,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const client = await pool.connect();
  let rows = 0;
  try {
    // One consistent snapshot of every table.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await tablesInDependencyOrder(client);
    const header: Header = {
      format: FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      migrations: await migrationCount(client),
      tables,
    };
    async function* lines() {
      yield `${JSON.stringify(header)}\n`;
      for (const table of tables) {
        let offset = 0;
        while (true) {
          const result = await client.query<{ row: unknown }>(
            // By ctid: a stable order within this snapshot for every table ("ORDER BY 1" would
            // sort by the json column, which has no ordering operator).
            `SELECT row_to_json(t) AS row FROM ${quote(table)} t ORDER BY t.ctid LIMIT ${BATCH} OFFSET ${offset}`,
          );
          if (result.rows.length === 0) break;
          rows += result.rows.length;
          yield `${JSON.stringify({ table, rows: result.rows.map((r) => r.row) } satisfies Batch)}\n`;
          offset += result.rows.length;
          if (result.rows.length < BATCH) break;
        }
      }
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { mode: 0o600 }));
    await client.query('COMMIT');
    return { tables: tables.length, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Replaces every application table's content with the backup's, in one transaction: on any error
 * nothing changes. The database must be migrated to the same version the backup was taken at.
 */
export async function restoreDatabase(
  pool: pg.Pool,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const input = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const client = await pool.connect();
  let rows = 0;
  try {
    await client.query('BEGIN');
    let header: Header | undefined;
    for await (const line of input) {
      if (!line) continue;
      if (!header) {
        header = JSON.parse(line) as Header;
        if (header.format !== FORMAT || header.version !== VERSION) {
          throw new Error(`${file} is not a Throughline backup this version can read.`);
        }
        const current = await migrationCount(client);
        if (current !== header.migrations) {
          throw new Error(
            `The backup was taken at migration ${header.migrations} but this database is at ${current}; restore it with the Throughline version that made it.`,
          );
        }
        await client.query(
          `TRUNCATE ${header.tables.map(quote).join(', ')} RESTART IDENTITY CASCADE`,
        );
        continue;
      }
      const batch = JSON.parse(line) as Batch;
      if (!header.tables.includes(batch.table))
        throw new Error(`The backup names an unknown table ${batch.table}.`);
      await client.query(
        `INSERT INTO ${quote(batch.table)} OVERRIDING SYSTEM VALUE
         SELECT * FROM json_populate_recordset(NULL::${quote(batch.table)}, $1::json)`,
        [JSON.stringify(batch.rows)],
      );
      rows += batch.rows.length;
    }
    if (!header) throw new Error(`${file} is empty.`);
    // Identity columns continue after the restored ids. No error may be swallowed here: it would
    // abort the transaction and COMMIT would then silently roll the whole restore back.
    for (const table of header.tables) {
      const identity = await client.query<{ name: string }>(
        `SELECT attname AS name FROM pg_attribute
         WHERE attrelid = $1::regclass AND attidentity <> '' AND NOT attisdropped`,
        [quote(table)],
      );
      for (const { name } of identity.rows) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2),
                         COALESCE((SELECT max(${quote(name)}) FROM ${quote(table)}), 0) + 1, false)`,
          [quote(table), name],
        );
      }
    }
    await client.query('COMMIT');
    return { tables: header.tables.length, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
