import { randomUUID } from 'node:crypto';
import {
  type AccessContext,
  ANONYMOUS,
  createPractice,
  inTransaction,
  recordAudit,
  sealAuditEvents,
  verifyAuditChain,
} from '@throughline/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, signInAs } from '../testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function asTherapistOf(practiceId: string): AccessContext {
  return {
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
}

async function insertEvent(ctx: AccessContext, i: number): Promise<void> {
  await inTransaction(h.services.db, (tx) =>
    recordAudit(tx, ctx, {
      action: 'client.read',
      resourceType: 'client',
      resourceId: `client-${i}`,
      outcome: 'success',
      detail: { i },
    }),
  );
}

/** A practice of its own with `events` sealed events (plus its practice.create), ids in seq order. */
async function freshChain(events: number): Promise<{ practiceId: string; ids: string[] }> {
  const practice = await createPractice(
    { actor: ANONYMOUS, requestId: 'test', services: h.services },
    { name: `Chain ${randomUUID()}` },
  );
  const ctx = asTherapistOf(practice.id);
  for (let i = 0; i < events; i++) await insertEvent(ctx, i);
  await sealAuditEvents(h.services.db);
  return { practiceId: practice.id, ids: await chainIds(practice.id) };
}

async function chainIds(practiceId: string): Promise<string[]> {
  const result = await h.database.pool.query<{ id: string }>(
    'SELECT id::text AS id FROM audit_events WHERE practice_id = $1 AND seq IS NOT NULL ORDER BY seq',
    [practiceId],
  );
  return result.rows.map((r) => r.id);
}

const sql = (text: string, values: unknown[]) => h.database.pool.query(text, values);

describe('sealing and verifying the audit chain', () => {
  it("seals the cast's events and finds both practices' chains intact", async () => {
    await sealAuditEvents(h.services.db);
    for (const person of [h.cast.admin, h.cast.otherPracticeAdmin]) {
      const report = await verifyAuditChain(h.services.db, person.practiceId);
      expect(report).toMatchObject({ ok: true, unsealed: 0, firstBadEventId: null, reason: null });
      expect(report.checked).toBeGreaterThanOrEqual(3); // practice.create and the staff
      const count = await sql(
        'SELECT count(*)::int AS n FROM audit_events WHERE practice_id = $1',
        [person.practiceId],
      );
      expect(report.checked).toBe(count.rows[0].n);
    }
  });

  it('detects an edited event and names it', async () => {
    const { practiceId, ids } = await freshChain(5);
    await sql("UPDATE audit_events SET action = 'client.list' WHERE id = $1", [ids[3]]);
    const report = await verifyAuditChain(h.services.db, practiceId);
    expect(report).toMatchObject({ ok: false, firstBadEventId: ids[3], checked: 3 });
    expect(report.reason).toMatch(/edited/);
  });

  it('detects an edited detail or time, not only the action', async () => {
    const { practiceId, ids } = await freshChain(3);
    await sql(`UPDATE audit_events SET detail = '{"i": 99}' WHERE id = $1`, [ids[2]]);
    expect((await verifyAuditChain(h.services.db, practiceId)).firstBadEventId).toBe(ids[2]);
    const other = await freshChain(3);
    await sql(
      "UPDATE audit_events SET occurred_at = occurred_at - interval '1 day' WHERE id = $1",
      [other.ids[1]],
    );
    expect((await verifyAuditChain(h.services.db, other.practiceId)).firstBadEventId).toBe(
      other.ids[1],
    );
  });

  it('detects a deleted middle event at the event that follows it', async () => {
    const { practiceId, ids } = await freshChain(5);
    await sql('DELETE FROM audit_events WHERE id = $1', [ids[2]]);
    const report = await verifyAuditChain(h.services.db, practiceId);
    expect(report).toMatchObject({ ok: false, firstBadEventId: ids[3], checked: 2 });
    expect(report.reason).toMatch(/event 3 of the chain is missing/);
  });

  it('detects two events whose order was swapped', async () => {
    const { practiceId, ids } = await freshChain(5);
    await sql(
      `UPDATE audit_events SET seq = CASE WHEN id = $1 THEN (SELECT seq FROM audit_events WHERE id = $2)
                                         ELSE (SELECT seq FROM audit_events WHERE id = $1) END
       WHERE id IN ($1, $2)`,
      [ids[1], ids[2]],
    );
    expect(await chainIds(practiceId)).toEqual([ids[0], ids[2], ids[1], ids[3], ids[4], ids[5]]);
    const report = await verifyAuditChain(h.services.db, practiceId);
    expect(report).toMatchObject({ ok: false, firstBadEventId: ids[2], checked: 1 });
    expect(report.reason).toMatch(/reordered/);
  });

  it('detects events swapped together with their links (the hash covers seq)', async () => {
    // Swap seq and prev_hash together, so the links look right; the hash covers seq.
    const { practiceId, ids } = await freshChain(4);
    await sql(
      `UPDATE audit_events a SET seq = b.seq, prev_hash = b.prev_hash
       FROM audit_events b WHERE (a.id, b.id) IN (($1::bigint, $2::bigint), ($2::bigint, $1::bigint))`,
      [ids[1], ids[2]],
    );
    const report = await verifyAuditChain(h.services.db, practiceId);
    expect(report.ok).toBe(false);
    expect(report.firstBadEventId).toBe(ids[2]);
  });

  it('detects the newest sealed events removed, through the chain head', async () => {
    const { practiceId, ids } = await freshChain(5);
    await sql('DELETE FROM audit_events WHERE id = ANY($1::bigint[])', [ids.slice(-2)]);
    const report = await verifyAuditChain(h.services.db, practiceId);
    expect(report).toMatchObject({ ok: false, firstBadEventId: null, checked: 4 });
    expect(report.reason).toMatch(/ends at event 4 but its recorded head is 6/);
  });

  it('detects an event un-sealed and edited (it can no longer fill its place)', async () => {
    const { practiceId, ids } = await freshChain(4);
    await sql(
      "UPDATE audit_events SET seq = NULL, prev_hash = NULL, hash = NULL, action = 'x' WHERE id = $1",
      [ids[4]],
    );
    expect((await verifyAuditChain(h.services.db, practiceId)).ok).toBe(false);
    await sealAuditEvents(h.services.db); // re-sealing it puts it after the head: still a gap
    const report = await verifyAuditChain(h.services.db, practiceId);
    expect(report.ok).toBe(false);
    expect(report.firstBadEventId).toBe(ids[4]);
  });

  it('reports unsealed events and seals them on the next run', async () => {
    const { practiceId } = await freshChain(2);
    const ctx = asTherapistOf(practiceId);
    for (let i = 0; i < 3; i++) await insertEvent(ctx, i);
    const before = await verifyAuditChain(h.services.db, practiceId);
    expect(before).toMatchObject({ ok: true, checked: 3, unsealed: 3 });
    expect(before.oldestUnsealedAt).toBeInstanceOf(Date);
    expect(await sealAuditEvents(h.services.db)).toBe(3);
    const after = await verifyAuditChain(h.services.db, practiceId);
    expect(after).toMatchObject({ ok: true, checked: 6, unsealed: 0, oldestUnsealedAt: null });
  });

  it('chains correctly when transactions commit out of id order', async () => {
    const { practiceId } = await freshChain(1);
    const ctx = asTherapistOf(practiceId);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted!: () => void;
    const didInsert = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    // The slow request takes the lower id but commits after a later one is sealed.
    const slow = inTransaction(h.services.db, async (tx) => {
      await recordAudit(tx, ctx, { action: 'slow', resourceType: 'client', outcome: 'success' });
      inserted();
      await held;
    });
    await didInsert;
    await insertEvent(ctx, 1);
    expect(await sealAuditEvents(h.services.db)).toBe(1);
    release();
    await slow;
    expect(await sealAuditEvents(h.services.db)).toBe(1);
    const report = await verifyAuditChain(h.services.db, practiceId);
    expect(report).toMatchObject({ ok: true, checked: 4, unsealed: 0 });
  });

  it('chains every event when requests insert while several sealers run', async () => {
    const { practiceId } = await freshChain(0);
    const ctx = asTherapistOf(practiceId);
    const INSERTS = 120;
    let done = false;
    let sealedWhileInserting = 0;
    // Three request "workers" leave room in the 5-connection pool for the two sealers.
    let next = 0;
    const worker = async () => {
      while (next < INSERTS) {
        const i = next++;
        await inTransaction(h.services.db, async (tx) => {
          await recordAudit(tx, ctx, {
            action: 'client.read',
            resourceType: 'client',
            resourceId: String(i),
            outcome: 'success',
          });
          await sleep(Math.floor(Math.random() * 4));
        });
      }
    };
    const inserts = Promise.all([worker(), worker(), worker()]).finally(() => {
      done = true;
    });
    const sealer = async () => {
      while (!done) {
        sealedWhileInserting += await sealAuditEvents(h.services.db);
        await sleep(3);
      }
    };
    await Promise.all([inserts, sealer(), sealer()]);
    expect(sealedWhileInserting).toBeGreaterThan(0);
    await sealAuditEvents(h.services.db);
    const report = await verifyAuditChain(h.services.db, practiceId);
    expect(report).toMatchObject({ ok: true, unsealed: 0, checked: INSERTS + 1 });
    const seqs = await sql(
      'SELECT count(DISTINCT seq)::int AS n, max(seq)::int AS top FROM audit_events WHERE practice_id = $1',
      [practiceId],
    );
    expect(seqs.rows[0]).toEqual({ n: INSERTS + 1, top: INSERTS + 1 });
  });
});

describe('GET /api/v1/admin/audit/verify', () => {
  it('answers ok for the intact chain, ok:false naming the event after tampering', async () => {
    const admin = await signInAs(h.app, h.cast.admin);
    await sealAuditEvents(h.services.db);
    const intact = await admin.request({ method: 'GET', url: '/api/v1/admin/audit/verify' });
    expect(intact.statusCode).toBe(200);
    expect(intact.json()).toMatchObject({ ok: true, firstBadEventId: null });

    const ids = await chainIds(h.cast.admin.practiceId);
    const victim = ids[2];
    await sql("UPDATE audit_events SET outcome = 'denied' WHERE id = $1", [victim]);
    const broken = await admin.request({ method: 'GET', url: '/api/v1/admin/audit/verify' });
    expect(broken.statusCode).toBe(200);
    expect(broken.json()).toMatchObject({ ok: false, firstBadEventId: victim, checked: 2 });
    expect(broken.json().reason).toMatch(/edited/);

    // The other practice's chain is not affected, and its admin sees only their own.
    const other = await signInAs(h.app, h.cast.otherPracticeAdmin);
    const otherReport = await other.request({ method: 'GET', url: '/api/v1/admin/audit/verify' });
    expect(otherReport.json()).toMatchObject({ ok: true });
  });

  it('is refused to a therapist', async () => {
    const therapist = await signInAs(h.app, h.cast.therapist);
    const response = await therapist.request({ method: 'GET', url: '/api/v1/admin/audit/verify' });
    expect(response.statusCode).toBe(403);
  });
});
