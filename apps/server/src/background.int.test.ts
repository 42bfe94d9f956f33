import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { enqueueEmail } from '@throughline/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackground } from './background';
import { PERIODIC_JOBS } from './jobs/registry';
import { createMailer, type Mailer } from './mail/transport';
import { createHarness, type Harness } from './testing/harness';

// The periodic jobs run from the registry: the audit sealer (with its checkpoint) and every
// module's declared jobs, each on its own timer.

let h: Harness;
let mailer: Mailer;
let dataDir = '';

const unsealed = async (): Promise<number> => {
  const r = await h.database.pool.query(
    'SELECT count(*)::int AS n FROM audit_events WHERE seq IS NULL',
  );
  return r.rows[0].n;
};

const statusOf = async (to: string): Promise<string[]> => {
  const r = await h.database.pool.query(
    'SELECT status FROM outbox_messages WHERE to_address = $1',
    [to],
  );
  return r.rows.map((row: { status: string }) => row.status);
};

async function until(done: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  h = await createHarness();
  dataDir = mkdtempSync(path.join(tmpdir(), 'throughline-background-'));
  mailer = await createMailer(undefined, path.join(dataDir, 'mail'));
});
afterAll(async () => {
  await mailer?.close();
  await h?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('background work', () => {
  it("runs every module's periodic jobs and the audit sealer until stopped", async () => {
    expect(PERIODIC_JOBS.map((j) => j.name)).toEqual(['outbox dispatcher', 'session purge']);
    const to = 'background-check@test.example';
    await enqueueEmail(h.services.db, {
      kind: 'other',
      practiceId: h.cast.admin.practiceId,
      to,
      subject: 'Background check',
      text: 'Sent by the dispatcher loop.\n',
    });
    expect(await unsealed()).toBeGreaterThan(0);
    expect(await statusOf(to)).toEqual(['pending']);

    const background = startBackground({
      services: h.services,
      sealerDb: h.database.db,
      dataDir,
      mailer,
      from: 'Throughline <no-reply@test.example>',
      log: h.app.log,
    });
    try {
      await until(async () => (await statusOf(to))[0] === 'sent');
      await until(async () => (await unsealed()) === 0);
      await until(async () => readdirSync(path.join(dataDir, 'audit-checkpoints')).length > 0);
    } finally {
      await background.stop();
    }
    expect(mailer.sink?.messages.some((m) => m.to.includes(to))).toBe(true);
  });
});
