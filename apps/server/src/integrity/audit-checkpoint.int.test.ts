import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type AccessContext,
  ANONYMOUS,
  createPractice,
  inTransaction,
  type KeptHead,
  readCheckpoint,
  recordAudit,
  sealAuditEvents,
  takeCheckpoint,
  verifyAuditChain,
} from '@throughline/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointText, checkpointWriter, writeCheckpoint } from '../audit-checkpoints';
import { createHarness, type Harness } from '../testing/harness';

let h: Harness;
let dataDir: string;
beforeAll(async () => {
  h = await createHarness();
  dataDir = mkdtempSync(path.join(tmpdir(), 'throughline-checkpoints-'));
});
afterAll(async () => {
  await h?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const sql = (text: string, values: unknown[] = []) => h.database.pool.query(text, values);

async function append(practiceId: string, count: number, action = 'client.read'): Promise<void> {
  const ctx: AccessContext = {
    actor: {
      kind: 'user',
      userId: randomUUID(),
      practiceId,
      role: 'therapist',
      stage: 'complete',
      twoFactorVerified: true,
      via: 'session',
    },
    requestId: `test:${randomUUID()}`,
    services: h.services,
  };
  for (let i = 0; i < count; i++) {
    await inTransaction(h.services.db, (tx) =>
      recordAudit(tx, ctx, { action, resourceType: 'client', outcome: 'success' }),
    );
  }
  await sealAuditEvents(h.services.db);
}

async function freshPractice(events: number): Promise<string> {
  const practice = await createPractice(
    { actor: ANONYMOUS, requestId: 'test', services: h.services },
    { name: `Checkpoint ${randomUUID()}` },
  );
  await append(practice.id, events);
  return practice.id;
}

/** The operator's kept copy: written by the sealer's code, read back from the file as the CLI does. */
async function keepCheckpoint(practiceId: string): Promise<KeptHead> {
  const { file } = writeCheckpoint(
    dataDir,
    h.services.keyring.masterKey,
    await takeCheckpoint(h.services.db, new Date()),
  );
  const read = readCheckpoint(h.services.keyring.masterKey, checkpointText(file));
  const point = read.chains.find((c) => c.practiceId === practiceId);
  if (!point) throw new Error('practice missing from the checkpoint');
  return { seq: BigInt(point.seq), hash: point.hash, takenAt: read.takenAt };
}

/** As a database superuser: delete the newest `n` events and rewind the head row to match. */
async function rewind(practiceId: string, n: number): Promise<void> {
  await sql(
    `DELETE FROM audit_events WHERE practice_id = $1
       AND seq > (SELECT last_seq FROM audit_chain_heads WHERE practice_id = $1) - $2`,
    [practiceId, n],
  );
  await sql(
    `UPDATE audit_chain_heads h SET last_seq = e.seq, last_hash = e.hash
     FROM (SELECT seq, hash FROM audit_events WHERE practice_id = $1 ORDER BY seq DESC LIMIT 1) e
     WHERE h.practice_id = $1`,
    [practiceId],
  );
}

describe('verifying against a kept checkpoint', () => {
  it('passes for an intact chain, also after it has grown', async () => {
    const practiceId = await freshPractice(3);
    const kept = await keepCheckpoint(practiceId);
    await append(practiceId, 2);
    expect(await verifyAuditChain(h.services.db, practiceId, kept)).toMatchObject({ ok: true });
  });

  it('detects the newest events deleted and the head rewound, which the chain alone cannot', async () => {
    const practiceId = await freshPractice(5);
    const kept = await keepCheckpoint(practiceId);
    await rewind(practiceId, 2);
    expect(await verifyAuditChain(h.services.db, practiceId)).toMatchObject({ ok: true });
    const report = await verifyAuditChain(h.services.db, practiceId, kept);
    expect(report).toMatchObject({ ok: false, firstBadEventId: null });
    expect(report.reason).toMatch(
      /ends at event 4 but the checkpoint of .* recorded event 6: the newest events were removed and the chain head rewound/,
    );
  });

  it('detects a forged extension below the checkpoint (tail replaced, sealed again)', async () => {
    const practiceId = await freshPractice(5);
    const kept = await keepCheckpoint(practiceId);
    await rewind(practiceId, 3);
    await append(practiceId, 4, 'client.list'); // forged events, sealed by the sealer
    expect(await verifyAuditChain(h.services.db, practiceId)).toMatchObject({ ok: true });
    const report = await verifyAuditChain(h.services.db, practiceId, kept);
    const atKept = await sql(
      'SELECT id::text FROM audit_events WHERE practice_id = $1 AND seq = 6',
      [practiceId],
    );
    expect(report).toMatchObject({ ok: false, firstBadEventId: atKept.rows[0].id });
    expect(report.reason).toMatch(/event 6 is not the one the checkpoint .* recorded/);
  });
});

describe('the sealer publishing checkpoints', () => {
  it('writes a file when the heads move, no more often than asked, readable with the master key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'throughline-writer-'));
    let now = new Date('2026-11-27T10:00:00Z');
    const write = checkpointWriter({
      db: h.services.db,
      dataDir: dir,
      masterKey: h.services.keyring.masterKey,
      now: () => now,
      everyMs: 15 * 60_000,
    });
    try {
      await sealAuditEvents(h.services.db);
      const first = await write();
      expect(first?.file).toBe(path.join(dir, 'audit-checkpoints', '20261127T100000Z.txt'));
      expect(statSync(first?.file ?? '').mode & 0o777).toBe(0o600);
      expect(readFileSync(path.join(dir, 'audit-checkpoints', 'latest.txt'), 'utf8').trim()).toBe(
        first?.line,
      );
      const practiceId = await freshPractice(1);
      expect(await write()).toBeUndefined(); // within the interval
      now = new Date('2026-11-27T10:15:00Z');
      const second = await write();
      const read = readCheckpoint(h.services.keyring.masterKey, second?.line ?? '');
      expect(read.chains.map((c) => c.practiceId)).toContain(practiceId);
      now = new Date('2026-11-27T10:30:00Z');
      expect(await write()).toBeUndefined(); // nothing moved
      expect(readdirSync(path.join(dir, 'audit-checkpoints')).sort()).toEqual([
        '20261127T100000Z.txt',
        '20261127T101500Z.txt',
        'latest.txt',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
