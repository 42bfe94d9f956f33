import { sql } from 'drizzle-orm';
import type { Database } from './connection';

/**
 * Requests run as APP_ROLE: every application table, but the audit tables only to read and to
 * INSERT — no UPDATE, DELETE or TRUNCATE, so no request (and no bug or injected statement in one)
 * can rewrite or shorten the audit chain. The sealer runs as SEALER_ROLE: it may only read events,
 * fill in their seal columns (seq, prev_hash, hash) and move the chain head.
 * Both are NOLOGIN roles; the connecting user switches to them with the `role` setting per
 * connection, so one login works with the embedded cluster and with an external DATABASE_URL.
 */
export const APP_ROLE = 'throughline_app';
export const SEALER_ROLE = 'throughline_sealer';

export type RoleSetup = { ok: true } | { ok: false; reason: string };

const AUDIT_TABLES = 'audit_events, audit_chain_heads';

async function roleExists(tx: Database, role: string): Promise<boolean> {
  const result = await tx.execute(sql`SELECT 1 FROM pg_roles WHERE rolname = ${role}`);
  return result.rows.length > 0;
}

async function createRole(tx: Database, role: string): Promise<void> {
  if (await roleExists(tx, role)) return;
  // Another process migrating at the same moment may create it first.
  await tx.execute(
    sql.raw(`DO $$ BEGIN CREATE ROLE ${role} NOLOGIN NOINHERIT;
             EXCEPTION WHEN duplicate_object THEN NULL; END $$`),
  );
}

/**
 * The connecting user must be able to SET ROLE to it. A superuser always can; a CREATEROLE user
 * grants itself membership (PostgreSQL 16 gives the creator only ADMIN, without SET); a user for
 * whom a DBA made the roles may already be a member. Whatever the case, the check is to try.
 */
async function becomeMember(tx: Database, role: string): Promise<void> {
  try {
    await tx.transaction(async (inner) => {
      await inner.execute(sql.raw(`GRANT ${role} TO CURRENT_USER`));
    });
  } catch {
    // Not allowed to grant: fine if a DBA already did; the SET ROLE below decides.
  }
  try {
    await tx.transaction(async (inner) => {
      await inner.execute(sql.raw(`SET LOCAL ROLE ${role}`));
      await inner.execute(sql.raw('RESET ROLE'));
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    throw new Error(
      `the database user may not act as the role ${role} (${cause instanceof Error ? cause.message : String(cause)}); ` +
        `give it CREATEROLE, or have a DBA run "GRANT ${role} TO <user>"`,
    );
  }
}

async function grantPrivileges(tx: Database): Promise<void> {
  for (const role of [APP_ROLE, SEALER_ROLE]) {
    await tx.execute(sql.raw(`GRANT USAGE ON SCHEMA public TO ${role}`));
  }
  await tx.execute(
    sql.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`),
  );
  await tx.execute(
    sql.raw(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`),
  );
  await tx.execute(sql.raw(`REVOKE ALL ON ${AUDIT_TABLES} FROM ${APP_ROLE}, ${SEALER_ROLE}`));
  await tx.execute(sql.raw(`GRANT SELECT, INSERT ON audit_events TO ${APP_ROLE}`));
  await tx.execute(sql.raw(`GRANT SELECT ON audit_chain_heads TO ${APP_ROLE}`));
  await tx.execute(sql.raw(`GRANT SELECT ON audit_events TO ${SEALER_ROLE}`));
  await tx.execute(
    sql.raw(`GRANT UPDATE (seq, prev_hash, hash) ON audit_events TO ${SEALER_ROLE}`),
  );
  await tx.execute(sql.raw(`GRANT SELECT, INSERT, UPDATE ON audit_chain_heads TO ${SEALER_ROLE}`));
  // The job queue's schema exists once pg-boss has started; requests send jobs in their own
  // transaction (as the app role), while pg-boss itself runs on the owner's connection.
  const boss = await tx.execute(sql`SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss'`);
  if (boss.rows.length > 0) {
    await tx.execute(sql.raw(`GRANT USAGE ON SCHEMA pgboss TO ${APP_ROLE}`));
    await tx.execute(
      sql.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${APP_ROLE}`),
    );
    await tx.execute(sql.raw(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA pgboss TO ${APP_ROLE}`));
  }
}

/**
 * Creates the two roles (first time) and grants their rights on the current tables. Idempotent;
 * run after every migration. When the connecting user may not create roles (a managed database
 * whose user lacks CREATEROLE), nothing changes and the reason is returned: the caller then runs
 * with the connecting user's own rights and says so.
 */
export async function ensureDatabaseRoles(db: Database): Promise<RoleSetup> {
  try {
    await db.transaction(async (tx) => {
      // One migrator at a time: concurrent GRANTs on the same object fail in PostgreSQL.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('throughline:roles', 0))`);
      const [me] = (
        await tx.execute<{ super: boolean; createrole: boolean }>(
          sql`SELECT rolsuper AS super, rolcreaterole AS createrole FROM pg_roles WHERE rolname = current_user`,
        )
      ).rows;
      const present = (await roleExists(tx, APP_ROLE)) && (await roleExists(tx, SEALER_ROLE));
      if (!present && !me?.super && !me?.createrole) {
        throw new Error(
          `the database user may not create roles (it needs CREATEROLE, or a DBA creates the NOLOGIN roles ${APP_ROLE} and ${SEALER_ROLE} and grants them to it)`,
        );
      }
      for (const role of [APP_ROLE, SEALER_ROLE]) {
        await createRole(tx, role);
        await becomeMember(tx, role);
      }
      await grantPrivileges(tx);
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
