import {
  type AccessContext,
  type AgreementVersionView,
  AppError,
  acceptAgreementVersion,
  declineAgreementVersion,
  proposeAgreement,
  readAgreement,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { actingAs } from '../operator';
import { openEpisodeFor } from '../testing/episodes';
import {
  type Caller,
  createHarness,
  type Harness,
  type Person,
  signInAs,
} from '../testing/harness';

// The agreement primitive (issue 8), driven through its use-cases on a real database: the
// shared plan uses it through the goals routes (goals.int.test.ts); contact agreements, ending
// plans and check-in consent will get their own routes on top of it.
let h: Harness;
let episodeId: string;
let therapist: AccessContext;
let client: AccessContext;
let otherTherapist: AccessContext;
let otherClient: AccessContext;

const as = (p: Person, role: 'therapist' | 'client'): AccessContext =>
  actingAs(h.services, { id: p.userId, practiceId: p.practiceId, role });

/** Audit rows of agreement actions, as `action outcome` → count. */
async function auditCounts(): Promise<Record<string, number>> {
  const result = await h.services.db.execute<{ action: string; outcome: string; n: number }>(
    sql`SELECT action, outcome, count(*)::int AS n FROM audit_events
        WHERE action LIKE 'agreement.%' GROUP BY action, outcome`,
  );
  return Object.fromEntries(result.rows.map((r) => [`${r.action} ${r.outcome}`, r.n]));
}

/** The refusal a call ends in: its domain code (mapped to HTTP by plugins/problems.ts). */
async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

const propose = (ctx: AccessContext, text: string): Promise<AgreementVersionView> =>
  proposeAgreement(ctx, { episodeId, kind: 'contact-agreement', content: { v: 1, text } });

beforeAll(async () => {
  h = await createHarness();
  episodeId = (await openEpisodeFor(h.services, h.cast.therapist, h.cast.client)).id;
  therapist = as(h.cast.therapist, 'therapist');
  client = as(h.cast.client, 'client');
  otherTherapist = as(h.cast.otherTherapist, 'therapist');
  otherClient = as(h.cast.otherClient, 'client');
});
afterAll(async () => h?.close());

describe('the agreement primitive', () => {
  let first: AgreementVersionView;

  it('is agreed when both parties accept: the proposal counts as the proposer’s acceptance', async () => {
    const before = await auditCounts();
    expect(before).toEqual({});
    first = await propose(therapist, 'Messages answered within two working days');
    expect(first).toMatchObject({ version: 1, state: 'proposed', kind: 'contact-agreement' });
    expect(first.content).toEqual({ v: 1, text: 'Messages answered within two working days' });
    expect(first.parties).toEqual([
      { party: 'client', response: 'pending', respondedBy: null, respondedAt: null },
      {
        party: 'therapist',
        response: 'accepted',
        respondedBy: h.cast.therapist.userId,
        respondedAt: first.proposedAt,
      },
    ]);

    const accepted = await acceptAgreementVersion(client, { versionId: first.id });
    expect(accepted.state).toBe('accepted');
    const clientAnswer = accepted.parties.find((p) => p.party === 'client');
    expect(clientAnswer).toMatchObject({ response: 'accepted', respondedBy: h.cast.client.userId });
    expect(clientAnswer?.respondedAt).toBeInstanceOf(Date);

    // Accepting again keeps the first answer and its time.
    const again = await acceptAgreementVersion(client, { versionId: first.id });
    expect(again.parties).toEqual(accepted.parties);

    const read = await readAgreement(therapist, { episodeId, kind: 'contact-agreement' });
    expect(read.current).toMatchObject({ id: first.id, state: 'accepted' });
    expect(read.versions).toHaveLength(1);
    // The content is stored encrypted, never as readable text.
    const stored = await h.services.db.execute<{ content: string }>(
      sql`SELECT content FROM agreement_versions WHERE id = ${first.id}`,
    );
    expect(stored.rows[0]?.content).not.toContain('working days');

    expect(await auditCounts()).toEqual({
      'agreement.propose success': 1,
      'agreement.accept success': 2,
      'agreement.read success': 1,
    });
  });

  it('supersedes the previous version with a new one that needs fresh acceptance', async () => {
    const second = await propose(client, 'Messages answered within one working day');
    expect(second).toMatchObject({
      version: 2,
      state: 'proposed',
      proposedBy: h.cast.client.userId,
    });
    expect(second.parties.find((p) => p.party === 'therapist')?.response).toBe('pending');
    expect(second.parties.find((p) => p.party === 'client')?.response).toBe('accepted');

    const read = await readAgreement(client, { episodeId, kind: 'contact-agreement' });
    expect(read.current?.id).toBe(second.id);
    // Who agreed to which version, and when, is kept.
    const old = read.versions.find((v) => v.id === first.id);
    expect(old?.state).toBe('superseded');
    expect(old?.supersededAt).toBeInstanceOf(Date);
    expect(old?.parties.every((p) => p.response === 'accepted')).toBe(true);

    // The outdated version can no longer be accepted or declined: 409.
    expect(await refusal(acceptAgreementVersion(therapist, { versionId: first.id }))).toBe(
      'AGREEMENT_VERSION_SUPERSEDED',
    );
    expect(await refusal(declineAgreementVersion(client, { versionId: first.id }))).toBe(
      'AGREEMENT_VERSION_SUPERSEDED',
    );
    // Over HTTP the refusal is a 409 problem a person can act on (plugins/problems.ts); the
    // primitive has no routes of its own yet, so a bare route calls the use-case.
    const app = await buildApp({ services: h.services });
    app.post('/api/v1/test-accept', { config: { policy: 'health.read' } }, async () =>
      acceptAgreementVersion(therapist, { versionId: first.id }),
    );
    try {
      const response = await app.inject({ method: 'POST', url: '/api/v1/test-accept' });
      expect(response.statusCode).toBe(409);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        status: 409,
        code: 'AGREEMENT_VERSION_SUPERSEDED',
        detail: expect.stringMatching(/replaced by a newer one/),
      });
    } finally {
      await app.close();
    }
    const accepted = await acceptAgreementVersion(therapist, { versionId: second.id });
    expect(accepted.state).toBe('accepted');
  });

  it('keeps a declined version declined', async () => {
    const third = await propose(therapist, 'Messages only on weekdays');
    const declined = await declineAgreementVersion(client, { versionId: third.id });
    expect(declined.state).toBe('declined');
    expect(declined.parties.find((p) => p.party === 'client')).toMatchObject({
      response: 'declined',
      respondedBy: h.cast.client.userId,
    });
    expect(await refusal(acceptAgreementVersion(client, { versionId: third.id }))).toBe(
      'AGREEMENT_ANSWERED',
    );
    // The proposer cannot take their acceptance back by declining either.
    expect(await refusal(declineAgreementVersion(therapist, { versionId: third.id }))).toBe(
      'AGREEMENT_ANSWERED',
    );
    const read = await readAgreement(therapist, { episodeId, kind: 'contact-agreement' });
    expect(read.current).toMatchObject({ id: third.id, state: 'declined' });
  });

  it('answers 404 to a caller who is not a party of the episode', async () => {
    const read = await readAgreement(client, { episodeId, kind: 'contact-agreement' });
    const versionId = read.current?.id ?? '';
    for (const outsider of [otherTherapist, otherClient]) {
      expect(await refusal(readAgreement(outsider, { episodeId, kind: 'contact-agreement' }))).toBe(
        'NOT_FOUND',
      );
      expect(await refusal(acceptAgreementVersion(outsider, { versionId }))).toBe('NOT_FOUND');
      expect(await refusal(declineAgreementVersion(outsider, { versionId }))).toBe('NOT_FOUND');
      expect(
        await refusal(
          proposeAgreement(outsider, { episodeId, kind: 'ending-plan', content: { v: 1 } }),
        ),
      ).toBe('NOT_FOUND');
    }
    // An unknown version is the same 404.
    expect(
      await refusal(
        acceptAgreementVersion(client, { versionId: '00000000-0000-4000-8000-000000000000' }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('audits every step in the same transaction: success, denied and failure', async () => {
    expect(await auditCounts()).toEqual({
      // first, second, third
      'agreement.propose success': 3,
      // client twice on v1, therapist on v2
      'agreement.accept success': 3,
      'agreement.decline success': 1,
      // two reads in the tests above, one to find the version to try
      'agreement.read success': 4,
      // superseded v1 (therapist, twice: once over HTTP), v3 already declined (client)
      'agreement.accept failure': 3,
      // superseded v1 (client), proposer declining v3
      'agreement.decline failure': 2,
      // two outsiders, each once per action; and the unknown version
      'agreement.read denied': 2,
      'agreement.accept denied': 3,
      'agreement.decline denied': 2,
      'agreement.propose denied': 2,
    });
    const failures = await h.services.db.execute<{ reason: string }>(
      sql`SELECT detail->>'reason' AS reason FROM audit_events
          WHERE action LIKE 'agreement.%' AND outcome = 'failure'`,
    );
    expect(failures.rows.map((r) => r.reason).sort()).toEqual([
      'already-answered',
      'already-answered',
      'superseded',
      'superseded',
      'superseded',
    ]);
  });
});

describe('the shared plan on the agreement primitive', () => {
  let therapistCaller: Caller;
  let clientCaller: Caller;
  let goalId: string;
  const share = () =>
    therapistCaller.request({ method: 'POST', url: `/api/v1/episodes/${episodeId}/plan/share` });
  const portalPlan = async () =>
    (await clientCaller.request({ method: 'GET', url: '/api/v1/portal/plan' })).json().plan;
  const acknowledge = (planId: string) =>
    clientCaller.request({
      method: 'POST',
      url: '/api/v1/portal/plan/acknowledge',
      payload: { planId },
    });
  /** Makes a plan look shared before migration 0010: no agreement version about it. */
  const forgetVersion = (planId: string) =>
    h.services.db.execute(
      sql`WITH v AS (DELETE FROM agreement_responses r USING agreement_versions v
            WHERE v.practice_id = r.practice_id AND v.id = r.version_id AND v.subject_id = ${planId}
            RETURNING v.id)
          DELETE FROM agreement_versions WHERE subject_id = ${planId}`,
    );
  const editGoal = async (objective: string) => {
    const patched = await therapistCaller.request({
      method: 'PATCH',
      url: `/api/v1/goals/${goalId}`,
      payload: { objectives: [objective] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
  };

  beforeAll(async () => {
    therapistCaller = await signInAs(h.app, h.cast.therapist);
    clientCaller = await signInAs(h.app, h.cast.client);
    const created = await therapistCaller.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/goals`,
      payload: {
        clientWords: 'Sleep before midnight',
        therapistWords: 'Sleep hygiene',
        objectives: ['Phone away at 22:00'],
        gasLevels: { '-2': 'a', '-1': 'b', '0': 'c', '+1': 'd', '+2': 'e' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    goalId = created.json().id;
  });

  it('proposes a version when the plan is shared and accepts it when the client acknowledges', async () => {
    const shared = await share();
    expect(shared.statusCode, shared.body).toBe(200);
    const planId = shared.json().id;
    const ack = await acknowledge(planId);
    expect(ack.statusCode, ack.body).toBe(200);

    const read = await readAgreement(therapist, { episodeId, kind: 'shared-plan' });
    expect(read.current).toMatchObject({
      state: 'accepted',
      subjectId: planId,
      proposedBy: h.cast.therapist.userId,
      content: { v: 1, planId, planVersion: 1 },
    });
    expect(
      read.current?.parties.find((p) => p.party === 'client')?.respondedAt?.toISOString(),
    ).toBe(ack.json().acknowledgedAt);
    const events = await h.services.db.execute<{ action: string; outcome: string }>(
      sql`SELECT action, outcome FROM audit_events
          WHERE resource_id = ${read.current?.id ?? ''} ORDER BY id`,
    );
    expect(events.rows).toEqual([
      { action: 'agreement.propose', outcome: 'success' },
      { action: 'agreement.accept', outcome: 'success' },
    ]);
  });

  it('accepts a plan shared before agreements existed, proposed for the therapist who shared it', async () => {
    await editGoal('Screens off at 22:30');
    const shared = (await share()).json();
    expect(shared).toMatchObject({ version: 2, changed: true });
    await forgetVersion(shared.id);
    expect(await portalPlan()).toMatchObject({ id: shared.id, acknowledgedAt: null });

    const ack = await acknowledge(shared.id);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().acknowledgedAt).not.toBe(null);
    const read = await readAgreement(client, { episodeId, kind: 'shared-plan' });
    expect(read.current).toMatchObject({
      subjectId: shared.id,
      state: 'accepted',
      proposedBy: h.cast.therapist.userId,
      content: { v: 1, planId: shared.id, planVersion: 2 },
    });
    expect(read.current?.proposedAt.toISOString()).toBe(shared.sharedAt);
  });

  it('still reads an acknowledgement recorded before agreements existed', async () => {
    await editGoal('Screens off at 23:00');
    const shared = (await share()).json();
    expect(shared).toMatchObject({ version: 3, changed: true, acknowledgedAt: null });
    await forgetVersion(shared.id);
    const legacyAt = new Date('2026-11-20T09:30:00.000Z');
    await h.services.db.execute(
      sql`UPDATE treatment_plans SET acknowledged_at = ${legacyAt.toISOString()},
            acknowledged_by = ${h.cast.client.userId} WHERE id = ${shared.id}`,
    );
    expect(await portalPlan()).toMatchObject({
      id: shared.id,
      acknowledgedAt: legacyAt.toISOString(),
    });
    // Re-sharing the unchanged plan keeps it; acknowledging again changes nothing.
    expect((await share()).json()).toMatchObject({
      id: shared.id,
      changed: false,
      acknowledgedAt: legacyAt.toISOString(),
    });
    const ack = await acknowledge(shared.id);
    expect(ack.json().acknowledgedAt).toBe(legacyAt.toISOString());
  });
});
