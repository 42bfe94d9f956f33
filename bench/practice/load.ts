/**
 * Loads a synthetic practice into a migrated database: the practice, its admin and the contact
 * terms through the domain's use-cases; then every therapist's plan, sealed in batches with the
 * practice keyring and COPYed table by table; one audit event records the load and the sealer
 * chains it, so the audit chain stays valid.
 */

import { contactTermsSchema } from '@throughline/contracts';
import {
  CONTACT_TERMS_VERSION,
  createPractice,
  createUserWithPassword,
  getContactDefaults,
  inTransaction,
  newTotpSecret,
  recordAudit,
  SAFETY_NET_TEXT,
  type Services,
  sealAuditEvents,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { actingAs, operatorContext } from '../../apps/server/src/operator';
import { copyRows } from './copy';
import {
  emptyRows,
  planTherapist,
  type Row,
  type Sealed,
  TABLE_COLUMNS,
  type Table,
  type TableRows,
} from './plan';
import { SIZES, type Size, SYNTHETIC_DOMAIN, SYNTHETIC_PASSWORD } from './sizes';

export type LoadOptions = {
  services: Services;
  /** The pool behind `services.db` (COPY needs a raw connection). */
  pool: pg.Pool;
  size: Size;
  seed: number;
  anchor: Date;
  log?: (line: string) => void;
};

export type LoadReport = {
  practiceId: string;
  size: Size;
  seed: number;
  rows: Record<Table, number>;
  totalRows: number;
  seconds: number;
  rowsPerSecond: number;
  /** The first therapist, for tests and benches that sign in. */
  therapist: { id: string; email: string; totpSecret: string };
};

const TIME_ZONE = 'Europe/London';
/** Flush to the database once a batch holds this many appointments. */
const BATCH_APPOINTMENTS = 40_000;

const isSealed = (v: unknown): v is Sealed =>
  typeof v === 'object' && v !== null && 'plaintext' in v && 'purpose' in v;

export async function loadPractice(options: LoadOptions): Promise<LoadReport> {
  const { services, pool, size, seed, anchor } = options;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const existing = await services.db.execute(sql`SELECT 1 FROM practices LIMIT 1`);
  if (existing.rows.length > 0)
    throw new Error(
      'This database already holds a practice: generate into an empty one (a new --data-dir).',
    );
  const op = operatorContext(services);
  const practice = await createPractice(op, {
    name: `Synthetic practice (${size})`,
    timeZone: TIME_ZONE,
  });
  const admin = await createUserWithPassword(op, {
    practiceId: practice.id,
    email: `admin@${SYNTHETIC_DOMAIN}`,
    displayName: 'Practice admin',
    role: 'practice_admin',
    password: SYNTHETIC_PASSWORD,
    totpSecret: newTotpSecret(),
  });
  const asAdmin = actingAs(services, {
    id: admin.id,
    practiceId: practice.id,
    role: 'practice_admin',
  });
  const hash = await services.db.execute<{ password_hash: string }>(
    sql`SELECT password_hash FROM users WHERE id = ${admin.id}`,
  );
  const passwordHash = hash.rows[0]?.password_hash;
  if (!passwordHash) throw new Error('the admin was stored without a password hash');
  const defaults = await getContactDefaults(asAdmin);
  const terms = contactTermsSchema.parse({
    channels: { messages: true, email: false, phone: false },
    availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:00', to: '20:00' })),
    responseTimeHours: 48,
    timeZone: TIME_ZONE,
    purpose: defaults.purpose,
    crisis: defaults.crisis,
    afterEnding: defaults.afterEnding,
    safetyNet: SAFETY_NET_TEXT,
  });
  const input = {
    seed,
    size,
    anchor,
    practiceId: practice.id,
    passwordHash,
    contactTerms: JSON.stringify({ v: CONTACT_TERMS_VERSION, ...terms }),
    timeZone: TIME_ZONE,
  };

  const counts = Object.fromEntries(Object.keys(TABLE_COLUMNS).map((t) => [t, 0])) as Record<
    Table,
    number
  >;
  const client = await pool.connect();
  let first: LoadReport['therapist'] | undefined;
  try {
    const indexes = await dropSecondaryIndexes(client);
    let batch = emptyRows();
    const { therapists } = SIZES[size];
    for (let k = 0; k < therapists; k++) {
      const plan = planTherapist(input, k);
      first ??= { id: plan.therapistId, email: plan.email, totpSecret: plan.totpSecret };
      for (const table of Object.keys(TABLE_COLUMNS) as Table[])
        for (const row of plan.rows[table]) batch[table].push(row);
      if (batch.appointments.length >= BATCH_APPOINTMENTS || k === therapists - 1) {
        await flush(services, client, practice.id, batch, counts);
        batch = emptyRows();
        const done = Object.values(counts).reduce((a, b) => a + b, 0);
        const seconds = (performance.now() - started) / 1000;
        log(
          `${k + 1}/${therapists} therapists, ${done} rows, ${Math.round(done / seconds)} rows/s`,
        );
      }
    }
    log(`recreating ${indexes.length} indexes`);
    for (const definition of indexes) await client.query(definition);
    await client.query('ANALYZE');
  } finally {
    client.release();
  }
  if (!first) throw new Error('no therapist was generated');

  // The load itself is recorded and sealed into the chain, as the app records its own writes.
  await inTransaction(services.db, (tx) =>
    recordAudit(tx, asAdmin, {
      action: 'synthetic-practice.load',
      resourceType: 'practice',
      resourceId: practice.id,
      outcome: 'success',
      detail: { size, seed, ...counts },
    }),
  );
  await sealAuditEvents(services.db);

  const totalRows = Object.values(counts).reduce((a, b) => a + b, 0);
  const seconds = (performance.now() - started) / 1000;
  return {
    practiceId: practice.id,
    size,
    seed,
    rows: counts,
    totalRows,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(totalRows / seconds),
    therapist: first,
  };
}

/** Seals every `Sealed` value of the batch with one keyring call per table, then COPYs it. */
async function flush(
  services: Services,
  client: pg.PoolClient,
  practiceId: string,
  batch: TableRows,
  counts: Record<Table, number>,
): Promise<void> {
  for (const table of Object.keys(TABLE_COLUMNS) as Table[]) {
    const rows = batch[table];
    if (rows.length === 0) continue;
    const at: [Row, number][] = [];
    const items: Sealed[] = [];
    for (const row of rows)
      row.forEach((value, column) => {
        if (isSealed(value)) {
          at.push([row, column]);
          items.push(value);
        }
      });
    const sealed = await services.keyring.encryptMany(services.db, practiceId, items);
    at.forEach(([row, column], n) => {
      row[column] = sealed[n] ?? null;
    });
    await copyRows(client, table, TABLE_COLUMNS[table], rows);
    counts[table] += rows.length;
  }
}

/**
 * Drops the indexes of the loaded tables that back no constraint (they are rebuilt once at the
 * end, faster than updated row by row) and returns their definitions.
 */
async function dropSecondaryIndexes(client: pg.PoolClient): Promise<string[]> {
  const found = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [Object.keys(TABLE_COLUMNS)],
  );
  for (const index of found.rows) await client.query(`DROP INDEX ${index.name}`);
  return found.rows.map((r) => r.definition);
}
