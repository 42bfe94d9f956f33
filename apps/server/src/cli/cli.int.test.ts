import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@throughline/db/testing';
import { createPractice, inviteStaff, loadMasterKey, verifyAuditChain } from '@throughline/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app';
import { actingAs, operatorContext } from '../operator';
import { createServices } from '../services';
import { CLI_TIMEOUT, cli, tempDir } from '../testing/cli';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n$/;

describe('throughline CLI against DATABASE_URL', () => {
  let database: TestDatabase;
  let dataDir: string;
  let settings: Record<string, string>;
  let practiceId: string;
  const email = 'cli.therapist@test.example';
  const run = (...args: string[]) => cli(args, settings);

  beforeAll(async () => {
    database = await createTestDatabase(inject('database'));
    dataDir = tempDir('throughline-cli-');
    settings = { DATABASE_URL: database.url, THROUGHLINE_DATA_DIR: dataDir };
  });
  afterAll(async () => {
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'creates a practice, printing only its id, and a 0600 master key file',
    async () => {
      const result = await run('practice', 'create', '--name', 'CLI Practice');
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(UUID);
      practiceId = result.stdout.trim();
      const keyFile = path.join(dataDir, 'master.key');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      const rows = await database.pool.query('SELECT name FROM practices WHERE id = $1', [
        practiceId,
      ]);
      expect(rows.rows).toEqual([{ name: 'CLI Practice' }]);
    },
    CLI_TIMEOUT,
  );

  it(
    'creates a user, printing only its id',
    async () => {
      const result = await run(
        ...['user', 'create', '--practice', practiceId, '--role', 'therapist'],
        ...['--email', email, '--password', 'a long enough password'],
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(UUID);
      const rows = await database.pool.query('SELECT role, practice_id FROM users WHERE id = $1', [
        result.stdout.trim(),
      ]);
      expect(rows.rows).toEqual([{ role: 'therapist', practice_id: practiceId }]);
    },
    CLI_TIMEOUT,
  );

  it(
    'refuses a bad role and a missing practice with a clear message and no output',
    async () => {
      const badRole = await run(
        ...['user', 'create', '--practice', practiceId, '--role', 'wizard'],
        ...['--email', 'w@test.example', '--password', 'a long enough password'],
      );
      expect(badRole.code).not.toBe(0);
      expect(badRole.stdout).toBe('');
      expect(badRole.stderr).toMatch(
        /wizard.*invalid.*practice_admin, therapist, supervisor, client/s,
      );

      const missing = '00000000-0000-4000-8000-000000000000';
      const noPractice = await run(
        ...['user', 'create', '--practice', missing, '--role', 'therapist'],
        ...['--email', 'n@test.example', '--password', 'a long enough password'],
      );
      expect(noPractice.code).not.toBe(0);
      expect(noPractice.stdout).toBe('');
      expect(noPractice.stderr).toBe(`throughline: No practice with id ${missing} exists.\n`);
      const count = await database.pool.query('SELECT count(*)::int AS n FROM users');
      expect(count.rows[0].n).toBe(1);
    },
    2 * CLI_TIMEOUT,
  );

  it(
    'issues a token that works as a bearer token against the app on the same database',
    async () => {
      const result = await run('token', 'create', '--email', email, '--days', '2');
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^tl_[\w-]{43}\n$/);
      // The app reads the master key file the CLI created: the practice's data key unwraps.
      const masterKey = loadMasterKey({ dataDir });
      const services = createServices(database.db, masterKey, 'http://localhost:3000');
      await expect(services.keyring.dataKey(database.db, practiceId)).resolves.toHaveLength(32);
      const app: FastifyInstance = await buildApp({ services, logLevel: 'silent' });
      try {
        const me = await app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${result.stdout.trim()}` },
        });
        expect(me.statusCode, me.body).toBe(200);
        expect(me.json()).toMatchObject({ email, role: 'therapist', practiceId });
        const forged = await app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer tl_${'A'.repeat(43)}` },
        });
        expect(forged.statusCode).toBe(401);
      } finally {
        await app.close();
      }
    },
    CLI_TIMEOUT,
  );

  it(
    'prints a fresh invitation link once; only the newest link works',
    async () => {
      const services = createServices(database.db, loadMasterKey({ dataDir }), 'http://x');
      const invitee = 'cli.invitee@test.example';
      await inviteStaff(
        actingAs(services, {
          id: '00000000-0000-4000-8000-000000000001',
          practiceId,
          role: 'practice_admin',
        }),
        { email: invitee, displayName: 'Invitee', role: 'supervisor' },
      );
      const first = await run('invitation', 'link', '--email', invitee);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/^http:\/\/localhost:\d+\/invitations\/[\w-]{43}\n$/);
      const second = await run('invitation', 'link', '--email', invitee);
      expect(second.code, second.stderr).toBe(0);
      const token = (r: { stdout: string }): string => r.stdout.trim().split('/').at(-1) ?? '';
      const app: FastifyInstance = await buildApp({ services, logLevel: 'silent' });
      try {
        const accept = (t: string) =>
          app.inject({
            method: 'POST',
            url: `/api/v1/invitations/${t}/accept`,
            payload: { password: 'a long enough password' },
          });
        expect((await accept(token(first))).statusCode).toBe(404);
        expect((await accept(token(second))).statusCode).toBe(204);
      } finally {
        await app.close();
      }
      const none = await run('invitation', 'link', '--email', invitee);
      expect(none.code).not.toBe(0);
      expect(none.stdout).toBe('');
    },
    3 * CLI_TIMEOUT,
  );

  it(
    'verifies the audit chain, and exits 1 naming the event after tampering',
    async () => {
      const intact = await run('audit', 'verify');
      expect(intact.code, intact.stderr).toBe(0);
      expect(intact.stdout).toMatch(
        new RegExp(`^practice ${practiceId}: intact \\(\\d+ events\\)$`, 'm'),
      );

      const victim = await database.pool.query<{ id: string; action: string }>(
        'SELECT id::text AS id, action FROM audit_events WHERE practice_id = $1 AND seq = 2',
        [practiceId],
      );
      const { id, action } = victim.rows[0] ?? { id: '', action: '' };
      await database.pool.query(
        "UPDATE audit_events SET action = 'nothing.happened' WHERE id = $1",
        [id],
      );
      try {
        const broken = await run('audit', 'verify');
        expect(broken.code, broken.stderr).toBe(1);
        expect(broken.stdout).toContain(`practice ${practiceId}: BROKEN at event ${id}:`);
        expect(broken.stderr).toContain('1 audit chain(s) failed verification');
      } finally {
        await database.pool.query('UPDATE audit_events SET action = $2 WHERE id = $1', [
          id,
          action,
        ]);
      }
    },
    2 * CLI_TIMEOUT,
  );

  it(
    'backs up, and restores the old data only when confirmed with --yes',
    async () => {
      const file = path.join(dataDir, 'backup.jsonl.gz');
      const backup = await run('backup', '--out', file);
      expect(backup.code, backup.stderr).toBe(0);
      expect(statSync(file).mode & 0o777).toBe(0o600);

      // Change the data after the backup.
      const masterKey = loadMasterKey({ dataDir });
      const services = createServices(database.db, masterKey, 'http://localhost:3000');
      await database.pool.query("UPDATE practices SET name = 'Renamed' WHERE id = $1", [
        practiceId,
      ]);
      const later = await createPractice(operatorContext(services), { name: 'Made after backup' });
      const names = async () =>
        (
          await database.pool.query<{ name: string }>('SELECT name FROM practices ORDER BY name')
        ).rows.map((r) => r.name);
      expect(await names()).toEqual(['Made after backup', 'Renamed']);

      const unconfirmed = await run('restore', '--in', file);
      expect(unconfirmed.code).not.toBe(0);
      expect(unconfirmed.stderr).toMatch(/replaces all current data.*--yes/);
      expect(await names()).toEqual(['Made after backup', 'Renamed']);

      const restored = await run('restore', '--in', file, '--yes');
      expect(restored.code, restored.stderr).toBe(0);
      expect(await names()).toEqual(['CLI Practice']);

      // The restored chain is intact and new events continue after the restored ids.
      const report = await verifyAuditChain(database.db, practiceId);
      expect(report).toMatchObject({ ok: true, firstBadEventId: null });
      expect(report.checked).toBeGreaterThan(0);
      const again = await createPractice(operatorContext(services), { name: 'After restore' });
      expect(again.id).not.toBe(later.id);
    },
    3 * CLI_TIMEOUT,
  );

  it(
    'prints a signed checkpoint; verify --checkpoint finds a rewound tail and refuses a forged checkpoint',
    async () => {
      const made = await run('audit', 'checkpoint');
      expect(made.code, made.stderr).toBe(0);
      const line = made.stdout.trim();
      expect(line).toMatch(/^tlcp1\.[\w-]+\.[\w-]+$/);
      const kept = path.join(dataDir, 'audit-checkpoints', 'latest.txt');
      expect(statSync(kept).mode & 0o777).toBe(0o600);

      const tampered = await run(
        'audit',
        'verify',
        '--checkpoint',
        `${line.slice(0, -2)}${line.endsWith('AA') ? 'BB' : 'AA'}`,
      );
      expect(tampered.code).toBe(1);
      expect(tampered.stderr).toMatch(/checkpoint signature does not match/);

      // As a database superuser: delete the newest event and rewind the head to the one before.
      await database.pool.query(
        `DELETE FROM audit_events WHERE practice_id = $1
           AND seq = (SELECT last_seq FROM audit_chain_heads WHERE practice_id = $1)`,
        [practiceId],
      );
      await database.pool.query(
        `UPDATE audit_chain_heads h SET last_seq = e.seq, last_hash = e.hash
         FROM (SELECT seq, hash FROM audit_events WHERE practice_id = $1 ORDER BY seq DESC LIMIT 1) e
         WHERE h.practice_id = $1`,
        [practiceId],
      );
      const alone = await run('audit', 'verify');
      expect(alone.code, alone.stderr).toBe(0);
      const against = await run('audit', 'verify', '--checkpoint', kept);
      expect(against.code).toBe(1);
      expect(against.stdout).toMatch(
        new RegExp(`practice ${practiceId}: BROKEN at chain head: .*newest events were removed`),
      );
    },
    4 * CLI_TIMEOUT,
  );
});

describe('throughline CLI with the embedded PostgreSQL', () => {
  let dataDir: string;
  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'starts and stops its own cluster per command, and the data persists',
    async () => {
      dataDir = tempDir('throughline-cli-embedded-');
      const settings = { THROUGHLINE_DATA_DIR: dataDir };
      const first = await cli(['practice', 'create', '--name', 'Embedded One'], settings);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(UUID);
      expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
      // Stopped: no live postmaster left behind.
      expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

      const second = await cli(['practice', 'create', '--name', 'Embedded Two'], settings);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toMatch(UUID);
      expect(second.stdout).not.toBe(first.stdout);

      const listed = await cli(['audit', 'verify'], settings);
      expect(listed.code, listed.stderr).toBe(0);
      const practices = [...listed.stdout.matchAll(/^practice (\S+): intact/gm)].map((m) => m[1]);
      expect(practices).toEqual([first.stdout.trim(), second.stdout.trim()]);
    },
    4 * CLI_TIMEOUT,
  );
});
