import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientFieldPurpose, createGoal, recordResponse, reviewGoals } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../operator';
import {
  type Caller,
  createHarness,
  type Harness,
  type Person,
  signInAs,
} from '../testing/harness';
import { fixtures } from '../testing/read-model-fixtures';

// The client's own copy of their record (issue 12; HIPAA 164.524) on a real database: the PDF
// read back with poppler, psychotherapy notes absent, the practice's review setting on and off,
// the audit events and the client's access report.
let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;
let client: Caller;
let otherClient: Caller;
let admin: Caller;

const DAY = 86_400_000;
const ago = (days: number) => new Date(h.services.now().getTime() - days * DAY);
const as = (p: Person) =>
  actingAs(h.services, { id: p.userId, practiceId: p.practiceId, role: 'therapist' });
const PRIVATE = 'Countertransference: I felt protective today';

function pdftotext(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'copy-')), 'copy.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
function pdfinfo(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'copy-')), 'copy.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
}
function pdffonts(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'copy-')), 'copy.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

async function setReview(on: boolean): Promise<void> {
  const res = await admin.request({
    method: 'PATCH',
    url: '/api/v1/practice',
    payload: { copyReviewRequired: on },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().copyReviewRequired).toBe(on);
}

async function auditActions(actor: string): Promise<{ action: string; outcome: string }[]> {
  const rows = await h.services.db.execute<{ action: string; outcome: string }>(
    sql`SELECT action, outcome FROM audit_events WHERE actor_user_id = ${actor}
        AND (action LIKE 'record-copy.%' OR action LIKE 'record-request.%') ORDER BY id`,
  );
  return rows.rows;
}

beforeAll(async () => {
  h = await createHarness();
  const { cast } = h;
  // Pronouns are stored sealed (clients module), as the portal's preferences would write them.
  const pronouns = await h.services.keyring.encrypt(
    h.services.db,
    cast.client.practiceId,
    'they/them',
    clientFieldPurpose(cast.client.clientId ?? '', 'pronouns'),
  );
  await h.services.db.execute(
    sql`UPDATE clients SET preferred_name = 'Casey Rowe', pronouns = ${pronouns} WHERE id = ${cast.client.clientId}`,
  );
  const fx = fixtures(h.services, cast.therapist);
  const first = await fx.episode(cast.client, {
    title: 'Music therapy, spring',
    openedAt: ago(300),
    phase: 'closed',
    closedAt: ago(200),
  });
  const second = await fx.episode(cast.client, {
    title: 'Coming back in autumn',
    openedAt: ago(60),
    previousEpisodeId: first,
  });
  const s1 = await fx.appointment(first, ago(290));
  await fx.appointment(first, ago(280), 'cancelled', { cancelledBy: 'client' });
  await fx.appointment(second, ago(50));
  await fx.note(first, {
    appointmentId: s1,
    template: 'soap',
    body: {
      subjective: 'Casey talked about the choir',
      objective: 'Calm',
      assessment: 'Settling',
      plan: 'Keep singing',
      planForNext: 'Bring a song',
    },
    createdAt: ago(290),
  });
  await fx.note(first, {
    status: 'draft',
    template: 'soap',
    body: { subjective: 'Unsigned draft words' },
  });
  await fx.psychotherapyNote(first, PRIVATE);
  const paper = as(cast.therapist);
  for (const [days, answers] of [
    [290, [2, 2, 2, 2, 2, 2, 1, 1, 0]],
    [210, [1, 1, 1, 1, 0, 0, 0, 0, 0]],
  ] as const)
    await recordResponse(paper, {
      episodeId: first,
      instrument: 'phq-9',
      answers: [...answers],
      completedAt: ago(days),
    });
  const goal = await createGoal(paper, second, {
    clientWords: 'Sing in public again',
    therapistWords: 'Therapist-only wording about exposure',
    objectives: [],
    gasLevels: { '-2': 'a', '-1': 'b', '0': 'c', '+1': 'd', '+2': 'e' },
  });
  await reviewGoals(paper, second, { ratings: [{ goalId: goal.id, level: 1 }] });
  therapist = await signInAs(h.app, cast.therapist);
  otherTherapist = await signInAs(h.app, cast.otherTherapist);
  client = await signInAs(h.app, cast.client);
  otherClient = await signInAs(h.app, cast.otherClient);
  admin = await signInAs(h.app, cast.admin);
});
afterAll(async () => h?.close());

describe("the client's own copy", () => {
  it('is a PDF of their record, psychotherapy notes and therapist-only words left out', async () => {
    const res = await client.request({ method: 'GET', url: '/api/v1/portal/export.pdf' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    const text = pdftotext(res.rawPayload);
    expect(text).toContain('First Practice');
    expect(text).toContain('Casey Rowe (they/them)');
    expect(text).toContain('Music therapy, spring');
    expect(text).toContain('Coming back in autumn');
    expect(text).toContain('Casey talked about the choir');
    expect(text).toContain('Sing in public again');
    expect(text).toContain('Somewhat more than expected');
    expect(text).toContain('Cancelled by you');
    expect(text).toContain('London time');
    expect(text).toMatch(/PHQ-9/);
    expect(text).toContain('psychotherapy notes');
    expect(text).not.toContain('Countertransference');
    expect(text).not.toContain('Therapist-only wording');
    expect(text).not.toContain('Unsigned draft words');
    // The practice is in London: A4 (595 × 842 pt); ?paper=letter gives Letter.
    expect(pdfinfo(res.rawPayload)).toMatch(/Page size:\s+595\.28 x 841\.89/);
    const letter = await client.request({
      method: 'GET',
      url: '/api/v1/portal/export.pdf?paper=letter',
    });
    expect(pdfinfo(letter.rawPayload)).toMatch(/Page size:\s+612 x 792/);
    expect(pdffonts(res.rawPayload)).toMatch(/Roboto.*yes/);
  });

  it("is the caller's own: another client's copy names only them", async () => {
    const res = await otherClient.request({ method: 'GET', url: '/api/v1/portal/export.pdf' });
    expect(res.statusCode).toBe(200);
    const text = pdftotext(res.rawPayload);
    expect(text).toContain('otherClient');
    expect(text).not.toContain('Casey');
    expect(text).not.toContain('Music therapy, spring');
    const staff = await therapist.request({ method: 'GET', url: '/api/v1/portal/export.pdf' });
    expect(staff.statusCode).toBe(403);
    expect(staff.headers['content-type']).toMatch(/problem\+json/);
  });

  it('is audited as a PDF download and shown in the access report in the client’s words', async () => {
    const actions = await auditActions(h.cast.client.userId);
    expect(
      actions.filter((a) => a.action === 'record-copy.pdf' && a.outcome === 'success'),
    ).toHaveLength(2);
    const report = await client.request({ method: 'GET', url: '/api/v1/portal/access-report' });
    const items = report.json().items as {
      action: string;
      resourceType: string;
      actorName: string;
    }[];
    expect(items).toContainEqual(
      expect.objectContaining({ action: 'download', resourceType: 'copy', actorName: 'You' }),
    );
    // The therapist sees it on the client's report too.
    const seen = await therapist.request({
      method: 'GET',
      url: `/api/v1/clients/${h.cast.client.clientId}/access-report`,
    });
    expect(seen.json().items).toContainEqual(
      expect.objectContaining({ action: 'download', resourceType: 'copy', byClient: true }),
    );
  });
});

describe('the practice reviews copies first', () => {
  it('refuses the download until the therapist releases the request, then allows it', async () => {
    await setReview(true);
    const before = await client.request({ method: 'GET', url: '/api/v1/portal/export.pdf' });
    expect(before.statusCode).toBe(409);
    expect(before.headers['content-type']).toMatch(/problem\+json/);
    expect(before.json()).toMatchObject({ code: 'COPY_NOT_RELEASED' });
    expect(before.json().detail).toContain('Ask for your copy');
    // The FHIR file asks the same rule: it does not leave before the release either.
    const fhirBefore = await client.request({
      method: 'GET',
      url: '/api/v1/portal/export.fhir.json',
    });
    expect(fhirBefore.statusCode).toBe(409);
    expect(fhirBefore.json()).toMatchObject({ code: 'COPY_NOT_RELEASED' });
    const state = await client.request({ method: 'GET', url: '/api/v1/portal/record' });
    expect(state.json()).toMatchObject({
      reviewRequired: true,
      mayDownload: false,
      latestRequest: null,
    });

    const asked = await client.request({ method: 'POST', url: '/api/v1/portal/record-requests' });
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json();
    expect(request.status).toBe('pending');
    expect(new Date(request.dueBy).getTime() - new Date(request.requestedAt).getTime()).toBe(
      30 * DAY,
    );
    const again = await client.request({ method: 'POST', url: '/api/v1/portal/record-requests' });
    expect(again.json().id).toBe(request.id);

    const waiting = await client.request({ method: 'GET', url: '/api/v1/portal/export.pdf' });
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().detail).toContain('Your therapist is reviewing your copy');

    const pending = await therapist.request({ method: 'GET', url: '/api/v1/record-requests' });
    expect(pending.json().items).toEqual([
      expect.objectContaining({ id: request.id, clientName: 'Casey Rowe' }),
    ]);
    const others = await otherTherapist.request({ method: 'GET', url: '/api/v1/record-requests' });
    expect(others.json().items).toEqual([]);
    const notTheirs = await otherTherapist.request({
      method: 'POST',
      url: `/api/v1/record-requests/${request.id}/release`,
    });
    expect(notTheirs.statusCode).toBe(404);

    const review = await therapist.request({
      method: 'GET',
      url: `/api/v1/clients/${h.cast.client.clientId}/record-copy.pdf`,
    });
    expect(review.statusCode).toBe(200);
    expect(pdftotext(review.rawPayload)).toContain('Casey Rowe');

    const released = await therapist.request({
      method: 'POST',
      url: `/api/v1/record-requests/${request.id}/release`,
    });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ status: 'released', decidedByName: 'therapist' });
    const twice = await therapist.request({
      method: 'POST',
      url: `/api/v1/record-requests/${request.id}/release`,
    });
    expect(twice.statusCode).toBe(409);

    const after = await client.request({ method: 'GET', url: '/api/v1/portal/export.pdf' });
    expect(after.statusCode).toBe(200);
    const fhirAfter = await client.request({
      method: 'GET',
      url: '/api/v1/portal/export.fhir.json',
    });
    expect(fhirAfter.statusCode).toBe(200);
    expect(fhirAfter.json()).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(pdftotext(after.rawPayload)).toContain('Casey Rowe');

    // A release lasts 30 days; after that the client asks again. (The release is moved back
    // rather than the clock forward, which would also end the signed-in sessions.)
    await h.services.db.execute(
      sql`UPDATE record_requests SET decided_at = decided_at - interval '31 days' WHERE id = ${request.id}`,
    );
    const lapsed = await client.request({ method: 'GET', url: '/api/v1/portal/export.pdf' });
    expect(lapsed.statusCode).toBe(409);
    expect(lapsed.json().detail).toContain('expired');
  });

  it('shows a refusal and its reason to the client', async () => {
    const asked = await otherClient.request({
      method: 'POST',
      url: '/api/v1/portal/record-requests',
    });
    expect(asked.statusCode).toBe(201);
    const blank = await otherTherapist.request({
      method: 'POST',
      url: `/api/v1/record-requests/${asked.json().id}/refuse`,
      payload: { reason: '   ' },
    });
    expect(blank.statusCode).toBe(400);
    const refused = await otherTherapist.request({
      method: 'POST',
      url: `/api/v1/record-requests/${asked.json().id}/refuse`,
      payload: { reason: 'Let us go through it together first.' },
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const state = await otherClient.request({ method: 'GET', url: '/api/v1/portal/record' });
    expect(state.json().latestRequest).toMatchObject({
      status: 'refused',
      refusalReason: 'Let us go through it together first.',
    });
    const res = await otherClient.request({ method: 'GET', url: '/api/v1/portal/export.pdf' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('Let us go through it together first.');
    // The reason is stored encrypted.
    const stored = await h.services.db.execute<{ refusal_reason: string }>(
      sql`SELECT refusal_reason FROM record_requests WHERE id = ${asked.json().id}`,
    );
    expect(stored.rows[0]?.refusal_reason).not.toContain('together');
  });

  it('records each step in the audit log and the client’s access report', async () => {
    expect(await auditActions(h.cast.client.userId)).toEqual(
      expect.arrayContaining([
        { action: 'record-copy.pdf', outcome: 'failure' },
        { action: 'record-request.create', outcome: 'success' },
      ]),
    );
    expect(await auditActions(h.cast.therapist.userId)).toEqual(
      expect.arrayContaining([
        { action: 'record-copy.review', outcome: 'success' },
        { action: 'record-request.release', outcome: 'success' },
      ]),
    );
    const report = await client.request({ method: 'GET', url: '/api/v1/portal/access-report' });
    const items = report.json().items as { action: string; resourceType: string }[];
    expect(items.map((i) => `${i.action} ${i.resourceType}`)).toEqual(
      expect.arrayContaining(['request copy-request', 'release copy-request', 'read copy']),
    );
  });

  it('is immediate again once the setting is off; asking is then a 409', async () => {
    await setReview(false);
    const res = await otherClient.request({ method: 'GET', url: '/api/v1/portal/export.pdf' });
    expect(res.statusCode).toBe(200);
    const ask = await client.request({ method: 'POST', url: '/api/v1/portal/record-requests' });
    expect(ask.statusCode).toBe(409);
    expect(ask.json().code).toBe('COPY_REVIEW_OFF');
  });
});
