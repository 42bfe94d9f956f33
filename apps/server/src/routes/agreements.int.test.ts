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
import { actingAs } from '../operator';
import { openEpisodeFor } from '../testing/episodes';
import { createHarness, type Harness, type Person } from '../testing/harness';

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
      // superseded v1 (therapist), v3 already declined (client)
      'agreement.accept failure': 2,
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
    ]);
  });
});
