import { randomUUID } from 'node:crypto';
import {
  type AccessContext,
  inTransaction,
  recordAudit,
  sealAuditEvents,
  verifyAuditChain,
} from '@throughline/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEpisodeFor } from '../testing/episodes';
import { anonymous, type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

let h: Harness;
/** Signed in once: a TOTP code is accepted once per time step. */
let therapist: Caller;
beforeAll(async () => {
  h = await createHarness();
  therapist = await signInAs(h.app, h.cast.therapist);
});
afterAll(async () => h?.close());

type Row = {
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  outcome: string;
  request_id: string | null;
  client_address: string | null;
  user_agent: string | null;
  detail: Record<string, unknown> | null;
  version: number;
};

async function eventsOf(action: string, resourceId?: string): Promise<Row[]> {
  const result = await h.database.pool.query<Row>(
    `SELECT actor_user_id, actor_role, action, resource_type, resource_id, outcome, request_id,
            client_address, user_agent, detail, version
     FROM audit_events WHERE action = $1 AND ($2::text IS NULL OR resource_id = $2) ORDER BY id`,
    [action, resourceId ?? null],
  );
  return result.rows;
}

/** A caller whose requests come from a given address and browser. */
function from(caller: Caller, address: string, userAgent: string): Caller {
  return {
    cookies: caller.cookies,
    request: (options) =>
      caller.request({
        ...options,
        remoteAddress: address,
        headers: { 'user-agent': userAgent, ...(options.headers ?? {}) },
      }),
  };
}

describe('refusals are audited in the access hook, with address and user agent', () => {
  it('five psychotherapy-note read attempts by other people give five denied events', async () => {
    const episode = await openEpisodeFor(h.services, h.cast.therapist, h.cast.client);
    const created = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episode.id}/psychotherapy-notes`,
      payload: { body: 'Process notes only the author may read.' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const noteId: string = created.json().id;

    const others = [
      h.cast.otherTherapist, // same role: refused by the record predicate in the use-case
      h.cast.supervisor, // the rest are refused by role alone, in the access hook
      h.cast.admin,
      h.cast.client,
      h.cast.otherClient,
    ];
    for (const [i, person] of others.entries()) {
      const caller = from(await signInAs(h.app, person), `198.51.100.${i + 1}`, `Browser/${i}`);
      const response = await caller.request({
        method: 'GET',
        url: `/api/v1/psychotherapy-notes/${noteId}`,
      });
      expect(response.statusCode, person.key).toBe(404);
    }

    const denied = (await eventsOf('psychotherapy-note.read', noteId)).filter(
      (e) => e.outcome === 'denied',
    );
    expect(denied).toHaveLength(5);
    expect(denied.map((e) => e.actor_user_id)).toEqual(others.map((p) => p.userId));
    expect(denied.map((e) => e.client_address)).toEqual(
      others.map((_, i) => `198.51.100.${i + 1}`),
    );
    expect(denied.map((e) => e.user_agent)).toEqual(others.map((_, i) => `Browser/${i}`));
    for (const event of denied) {
      expect(event).toMatchObject({ resource_type: 'psychotherapy-note', version: 3 });
      expect(event.request_id).toMatch(/\S/);
    }
    expect(denied.slice(1).map((e) => e.detail)).toEqual(Array(4).fill({ reason: 'NOT_FOUND' }));
  });

  it('a client refused an admin route and a clinician-only route is audited for each', async () => {
    const client = from(await signInAs(h.app, h.cast.client), '203.0.113.50', 'PortalPhone/1.0');
    const outbox = await client.request({ method: 'GET', url: '/api/v1/admin/outbox' });
    expect(outbox.statusCode).toBe(403);
    const clients = await client.request({ method: 'GET', url: '/api/v1/clients' });
    expect(clients.statusCode).toBe(403);
    const scores = await client.request({
      method: 'GET',
      url: `/api/v1/episodes/${randomUUID()}/scores`,
    });
    expect(scores.statusCode).toBe(404);

    for (const [action, resourceType, reason] of [
      ['outbox.read', 'outbox', 'FORBIDDEN'],
      ['client.list', 'client', 'FORBIDDEN'],
      ['score.list', 'episode', 'NOT_FOUND'],
    ] as const) {
      const events = (await eventsOf(action)).filter(
        (e) => e.actor_user_id === h.cast.client.userId,
      );
      expect(events, action).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actor_role: 'client',
        resource_type: resourceType,
        outcome: 'denied',
        client_address: '203.0.113.50',
        user_agent: 'PortalPhone/1.0',
        detail: { reason },
      });
    }
    const [scoreEvent] = (await eventsOf('score.list')).filter(
      (e) => e.actor_user_id === h.cast.client.userId,
    );
    expect(scoreEvent?.resource_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a change without the CSRF header is audited against the session user', async () => {
    const response = await therapist.request({
      method: 'POST',
      url: '/api/v1/clients',
      headers: { 'x-csrf-token': 'forged', 'user-agent': 'Evil/1' },
      payload: { displayName: 'X', email: 'x@test.example' },
    });
    expect(response.statusCode).toBe(403);
    const [event] = (await eventsOf('client.create')).filter(
      (e) => e.outcome === 'denied' && e.actor_user_id === h.cast.therapist.userId,
    );
    expect(event).toMatchObject({ user_agent: 'Evil/1', detail: { reason: 'CSRF_TOKEN_INVALID' } });
  });

  it('an anonymous refusal writes nothing to any practice chain', async () => {
    const before = await h.database.pool.query('SELECT count(*)::int AS n FROM audit_events');
    const response = await anonymous(h.app).request({ method: 'GET', url: '/api/v1/clients' });
    expect(response.statusCode).toBe(401);
    const after = await h.database.pool.query('SELECT count(*)::int AS n FROM audit_events');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('successful requests record the address and user agent too (sign-in, reads)', async () => {
    const caller = from(therapist, '192.0.2.9', 'Clinic/2');
    const read = await caller.request({
      method: 'GET',
      url: `/api/v1/clients/${h.cast.client.clientId}`,
    });
    expect(read.statusCode).toBe(200);
    const [event] = (await eventsOf('client.read', h.cast.client.clientId)).slice(-1);
    expect(event).toMatchObject({
      outcome: 'success',
      client_address: '192.0.2.9',
      user_agent: 'Clinic/2',
    });
  });
});

describe('a chain of version-1 and current (version-3) events', () => {
  it('verifies when mixed, and detects an address written into either kind afterwards', async () => {
    const practiceId = h.cast.otherPracticeAdmin.practiceId;
    await sealAuditEvents(h.services.db);
    // Events as the version-1 code wrote them: no version column value given, no address.
    for (let i = 0; i < 3; i++) {
      await h.database.pool.query(
        `INSERT INTO audit_events (practice_id, version, action, resource_type, outcome, request_id)
         VALUES ($1, 1, 'client.read', 'client', 'success', $2)`,
        [practiceId, `old-${i}`],
      );
    }
    await sealAuditEvents(h.services.db);
    const ctx: AccessContext = {
      actor: {
        kind: 'user',
        userId: h.cast.otherPracticeAdmin.userId,
        practiceId,
        role: 'practice_admin',
        stage: 'complete',
        twoFactorVerified: true,
        via: 'session',
      },
      requestId: 'new',
      services: h.services,
      client: { address: '2001:db8::1', userAgent: 'New/1' },
    };
    for (let i = 0; i < 3; i++) {
      await inTransaction(h.services.db, (tx) =>
        recordAudit(tx, ctx, { action: 'user.list', resourceType: 'user', outcome: 'success' }),
      );
    }
    await sealAuditEvents(h.services.db);
    const versions = await h.database.pool.query<{ version: number }>(
      'SELECT DISTINCT version FROM audit_events WHERE practice_id = $1 ORDER BY version',
      [practiceId],
    );
    expect(versions.rows.map((r) => r.version)).toEqual([1, 3]);
    expect(await verifyAuditChain(h.services.db, practiceId)).toMatchObject({
      ok: true,
      unsealed: 0,
    });

    const old = await h.database.pool.query<{ id: string }>(
      "SELECT id::text FROM audit_events WHERE request_id = 'old-1'",
    );
    await h.database.pool.query(
      "UPDATE audit_events SET client_address = '10.0.0.1' WHERE id = $1",
      [old.rows[0]?.id],
    );
    const report = await verifyAuditChain(h.services.db, practiceId);
    expect(report).toMatchObject({ ok: false, firstBadEventId: old.rows[0]?.id });
    await h.database.pool.query('UPDATE audit_events SET client_address = NULL WHERE id = $1', [
      old.rows[0]?.id,
    ]);
    expect((await verifyAuditChain(h.services.db, practiceId)).ok).toBe(true);

    const fresh = await h.database.pool.query<{ id: string }>(
      "SELECT id::text FROM audit_events WHERE request_id = 'new' ORDER BY id LIMIT 1",
    );
    await h.database.pool.query(
      "UPDATE audit_events SET user_agent = 'Someone else' WHERE id = $1",
      [fresh.rows[0]?.id],
    );
    expect(await verifyAuditChain(h.services.db, practiceId)).toMatchObject({
      ok: false,
      firstBadEventId: fresh.rows[0]?.id,
    });
    await h.database.pool.query("UPDATE audit_events SET user_agent = 'New/1' WHERE id = $1", [
      fresh.rows[0]?.id,
    ]);
    expect((await verifyAuditChain(h.services.db, practiceId)).ok).toBe(true);
    // Moving an event into another client's access report breaks the chain too (version 3).
    await h.database.pool.query('UPDATE audit_events SET subject_client_id = $2 WHERE id = $1', [
      fresh.rows[0]?.id,
      h.cast.client.clientId,
    ]);
    expect(await verifyAuditChain(h.services.db, practiceId)).toMatchObject({
      ok: false,
      firstBadEventId: fresh.rows[0]?.id,
    });
  });
});
