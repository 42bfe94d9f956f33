import { randomBytes } from 'node:crypto';
import {
  APP_ROLE,
  ensureDatabaseRoles,
  migrateDatabase,
  poolFor,
  SEALER_ROLE,
} from '@throughline/db';
import {
  type AccessContext,
  inTransaction,
  recordAudit,
  sealAuditEvents,
  verifyAuditChain,
} from '@throughline/domain';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';

let h: Harness;
let appPool: pg.Pool;
let sealerPool: pg.Pool;
beforeAll(async () => {
  h = await createHarness();
  appPool = poolFor(h.database.url, 2, APP_ROLE);
  sealerPool = poolFor(h.database.url, 2, SEALER_ROLE);
});
afterAll(async () => {
  await appPool?.end();
  await sealerPool?.end();
  await h?.close();
});

const practiceId = (): string => h.cast.admin.practiceId;

async function appendAsApp(requestId: string): Promise<void> {
  const ctx: AccessContext = {
    actor: {
      kind: 'user',
      userId: h.cast.admin.userId,
      practiceId: practiceId(),
      role: 'practice_admin',
      stage: 'complete',
      twoFactorVerified: true,
      via: 'session',
    },
    requestId,
    services: { ...h.services, db: drizzle(appPool) },
  };
  await inTransaction(ctx.services.db, (tx) =>
    recordAudit(tx, ctx, { action: 'user.list', resourceType: 'user', outcome: 'success' }),
  );
}

describe('the database roles the app and the sealer run as', () => {
  it('connects as the restricted role, not the login user', async () => {
    const who = await appPool.query('SELECT current_user AS me');
    expect(who.rows[0].me).toBe(APP_ROLE);
    const sealer = await sealerPool.query('SELECT current_user AS me');
    expect(sealer.rows[0].me).toBe(SEALER_ROLE);
  });

  it('lets the app insert and read audit events, and refuses it UPDATE, DELETE, TRUNCATE', async () => {
    await appendAsApp('roles-insert');
    const read = await appPool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE request_id = 'roles-insert'",
    );
    expect(read.rows[0].n).toBe(1);
    for (const statement of [
      "UPDATE audit_events SET action = 'forged' WHERE request_id = 'roles-insert'",
      'UPDATE audit_events SET seq = NULL, hash = NULL',
      "DELETE FROM audit_events WHERE request_id = 'roles-insert'",
      'TRUNCATE audit_events',
      'UPDATE audit_chain_heads SET last_seq = 1',
      'DELETE FROM audit_chain_heads',
      `INSERT INTO audit_chain_heads (practice_id, last_seq, last_hash) VALUES ('${practiceId()}', 1, 'x')`,
    ]) {
      await expect(appPool.query(statement), statement).rejects.toThrow(/permission denied/);
    }
    // And the app cannot seal: sealing writes the seal columns and the chain head.
    await expect(sealAuditEvents(drizzle(appPool))).rejects.toThrow();
  });

  it('keeps the rest of the application writable for the app', async () => {
    const updated = await appPool.query(
      'UPDATE practices SET name = name WHERE id = $1 RETURNING id',
      [practiceId()],
    );
    expect(updated.rowCount).toBe(1);
  });

  it('lets the sealer seal, but not edit or delete events', async () => {
    await appendAsApp('roles-seal');
    expect(await sealAuditEvents(drizzle(sealerPool))).toBeGreaterThan(0);
    expect(await verifyAuditChain(h.services.db, practiceId())).toMatchObject({
      ok: true,
      unsealed: 0,
    });
    for (const statement of [
      "UPDATE audit_events SET action = 'forged' WHERE request_id = 'roles-seal'",
      "UPDATE audit_events SET client_address = '10.0.0.1'",
      "DELETE FROM audit_events WHERE request_id = 'roles-seal'",
      'TRUNCATE audit_events',
      `INSERT INTO audit_events (practice_id, action, resource_type, outcome) VALUES ('${practiceId()}', 'forged', 'x', 'success')`,
      'DELETE FROM audit_chain_heads',
      "UPDATE practices SET name = 'x'",
    ]) {
      await expect(sealerPool.query(statement), statement).rejects.toThrow(/permission denied/);
    }
  });

  it('is set up idempotently by the migrate step', async () => {
    expect(await ensureDatabaseRoles(h.services.db)).toEqual({ ok: true });
    expect(await migrateDatabase(h.services.db)).toEqual({ ok: true });
  });

  it('reports (and does not throw) when the connecting user may not take the roles', async () => {
    // A user that owns its database but was never given the roles and may not create roles.
    const admin = poolFor(inject('database').adminUrl, 1);
    const suffix = randomBytes(4).toString('hex');
    const user = `tl_limited_${suffix}`;
    const password = randomBytes(12).toString('hex');
    const database = `tl_limited_db_${suffix}`;
    await admin.query(`CREATE ROLE ${user} LOGIN PASSWORD '${password}' NOCREATEROLE`);
    await admin.query(`CREATE DATABASE ${database} OWNER ${user}`);
    const url = new URL(inject('database').adminUrl);
    url.username = user;
    url.password = password;
    url.pathname = `/${database}`;
    const limited = poolFor(url.toString(), 1);
    try {
      const setup = await migrateDatabase(drizzle(limited));
      expect(setup.ok).toBe(false);
      expect(!setup.ok && setup.reason).toMatch(/may not act as the role throughline_app/);
    } finally {
      await limited.end();
      await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
      await admin.query(`DROP OWNED BY ${user}`).catch(() => {});
      await admin.query(`DROP ROLE ${user}`);
      await admin.end();
    }
  });
});
