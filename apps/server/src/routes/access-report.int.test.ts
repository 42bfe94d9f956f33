import { readAgreement } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../operator';
import { insertEpisode } from '../testing/appointments-fixtures';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;
let client: Caller;
let otherClient: Caller;
let admin: Caller;
let episodeId = '';
let otherEpisodeId = '';

type Item = {
  at: string;
  actorName: string;
  actorRole: string | null;
  byClient: boolean;
  action: string;
  resourceType: string;
};

beforeAll(async () => {
  h = await createHarness();
  const { cast } = h;
  episodeId = await insertEpisode(h, {
    clientId: cast.client.clientId ?? '',
    therapist: cast.therapist,
  });
  otherEpisodeId = await insertEpisode(h, {
    clientId: cast.otherClient.clientId ?? '',
    therapist: cast.otherTherapist,
  });
  // Named as a person would be: the report shows the name from the users table.
  await h.services.db.execute(
    sql`UPDATE users SET display_name = 'Maya Okafor' WHERE id = ${cast.therapist.userId}`,
  );
  therapist = await signInAs(h.app, cast.therapist);
  otherTherapist = await signInAs(h.app, cast.otherTherapist);
  client = await signInAs(h.app, cast.client);
  otherClient = await signInAs(h.app, cast.otherClient);
  admin = await signInAs(h.app, cast.admin);
});
afterAll(async () => h?.close());

async function writeNote(caller: Caller, episode: string): Promise<string> {
  const created = await caller.request({
    method: 'POST',
    url: `/api/v1/episodes/${episode}/notes`,
    payload: { template: 'soap', body: { subjective: 'SECRET-CONTENT slept badly' } },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

async function report(caller: Caller, url = '/api/v1/portal/access-report'): Promise<Item[]> {
  const response = await caller.request({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.body).not.toContain('SECRET-CONTENT');
  return response.json().items;
}

describe("the client's access report", () => {
  it("lists the therapist's read of a note after it happens, by name and role, newest first", async () => {
    const noteId = await writeNote(therapist, episodeId);
    const before = await report(client);
    expect(before.filter((i) => i.resourceType === 'session-note' && i.action === 'read')).toEqual(
      [],
    );
    const read = await therapist.request({ method: 'GET', url: `/api/v1/notes/${noteId}` });
    expect(read.statusCode).toBe(200);
    const after = await report(client);
    expect(after[0]).toMatchObject({
      actorName: 'Maya Okafor',
      actorRole: 'therapist',
      byClient: false,
      action: 'read',
      resourceType: 'session-note',
    });
    // The note's creation is a change of the same kind, listed after (older than) the read.
    const kinds = after.map((i) => `${i.action} ${i.resourceType}`);
    expect(kinds.indexOf('change session-note')).toBeGreaterThan(0);
    const times = after.map((i) => new Date(i.at).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('shows a psychotherapy note read only by its kind, and the client’s own changes as "You"', async () => {
    const created = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/psychotherapy-notes`,
      payload: { body: 'SECRET-CONTENT process impressions' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(
      (await therapist.request({ method: 'GET', url: `/api/v1/psychotherapy-notes/${id}` }))
        .statusCode,
    ).toBe(200);
    const changed = await client.request({
      method: 'PATCH',
      url: '/api/v1/portal/preferences',
      payload: { timeZone: 'Europe/Paris' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const items = await report(client);
    expect(items[0]).toMatchObject({
      actorName: 'You',
      byClient: true,
      action: 'change',
      resourceType: 'details',
    });
    expect(items[1]).toMatchObject({
      actorName: 'Maya Okafor',
      action: 'read',
      resourceType: 'private-note',
    });
    // The client's own reading (portal pages) is not listed: only others' reads and their changes.
    expect(items.filter((i) => i.byClient && i.action === 'read')).toEqual([]);
  });

  it("lists the therapist's acknowledgement of an alert as a change to the client's alerts", async () => {
    // A paper PHQ-9 with item 9 above 0 raises an urgent alert on the client's episode.
    const entered = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/responses`,
      payload: { instrument: 'phq-9', answers: [1, 1, 1, 1, 1, 1, 1, 1, 1] },
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const alertId = entered.json().alerts[0]?.id;
    expect(alertId).toBeDefined();
    const ack = await therapist.request({
      method: 'POST',
      url: `/api/v1/alerts/${alertId}/acknowledge`,
      payload: { note: 'SECRET-CONTENT called the client' },
    });
    expect(ack.statusCode, ack.body).toBe(200);
    const [newest] = await report(client);
    expect(newest).toMatchObject({
      actorName: 'Maya Okafor',
      action: 'change',
      resourceType: 'alerts',
    });
  });

  it("lists the therapist's reads and answers of the contact agreement and the shared plan in plain kinds, once each", async () => {
    const post = (caller: Caller, url: string, payload: object) =>
      caller.request({ method: 'POST', url: `/api/v1${url}`, payload });
    const agreement = `/episodes/${episodeId}/contact-agreement`;
    const proposed = await post(therapist, agreement, {
      channels: { messages: true, email: false, phone: false },
      availability: [{ weekday: 1, from: '09:00', to: '17:00' }],
      responseTimeHours: 24,
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const accepted = await post(client, `${agreement}/accept`, { version: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const read = await therapist.request({ method: 'GET', url: `/api/v1${agreement}` });
    expect(read.statusCode).toBe(200);
    const goal = await post(therapist, `/episodes/${episodeId}/goals`, {
      clientWords: 'SECRET-CONTENT sleep through',
      therapistWords: 'Sleep',
      gasLevels: { '-2': 'a', '-1': 'b', '0': 'c', '+1': 'd', '+2': 'e' },
    });
    expect(goal.statusCode, goal.body).toBe(201);
    const shared = await post(therapist, `/episodes/${episodeId}/plan/share`, {});
    expect(shared.statusCode, shared.body).toBe(200);
    const ack = await post(client, '/portal/plan/acknowledge', { planId: shared.json().id });
    expect(ack.statusCode, ack.body).toBe(200);

    const items = await report(client);
    const about = (kind: string) =>
      items
        .filter((i) => i.resourceType === kind)
        .map((i) => `${i.actorName} ${i.action}`)
        .reverse();
    // The proposal (with the agreement answer inside it) is one change; the client's acceptance
    // reads as "You"; the therapist's reading is listed as a read of the contact agreement.
    expect(about('contact-agreement')).toEqual([
      'Maya Okafor change',
      'You change',
      'Maya Okafor read',
    ]);
    expect(about('plan')).toEqual(['Maya Okafor change', 'You change']);
    expect(items.some((i) => i.resourceType === 'agreement')).toBe(false);

    // An agreement read on its own (the agreement primitive's own action) is listed too.
    const maya = h.cast.therapist;
    await readAgreement(
      actingAs(h.services, { id: maya.userId, practiceId: maya.practiceId, role: 'therapist' }),
      { episodeId, kind: 'contact-agreement' },
    );
    expect((await report(client))[0]).toMatchObject({
      actorName: 'Maya Okafor',
      actorRole: 'therapist',
      action: 'read',
      resourceType: 'contact-agreement',
    });
  });

  it("never lists another client's records, nor refusals", async () => {
    const othersNote = await writeNote(otherTherapist, otherEpisodeId);
    // Maya tries to read the other client's note: refused (404) and audited, but not anyone's report.
    const refused = await therapist.request({ method: 'GET', url: `/api/v1/notes/${othersNote}` });
    expect(refused.statusCode).toBe(404);
    const mine = await report(client);
    expect(mine.some((i) => i.actorName === 'otherTherapist')).toBe(false);
    const theirs = await report(otherClient);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((i) => i.actorName === 'otherTherapist')).toBe(true);
  });

  it("is the practice's too: the client's therapist and the administrator; 404 for another therapist", async () => {
    const url = `/api/v1/clients/${h.cast.client.clientId}/access-report`;
    const byTherapist = await report(therapist, url);
    // The client's own change reads under their name here, not "You".
    expect(byTherapist.find((i) => i.byClient)?.actorName).toBe('client');
    const byAdmin = await report(admin, url);
    expect(byAdmin.length).toBeGreaterThan(0);
    const denied = await otherTherapist.request({ method: 'GET', url });
    expect(denied.statusCode).toBe(404);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    const byClientItself = await client.request({ method: 'GET', url });
    expect(byClientItself.statusCode).toBe(404);
  });

  it('audits every viewing, and the client sees the practice viewing it', async () => {
    const count = async (action: string) => {
      const result = await h.services.db.execute<{ n: string }>(
        sql`SELECT count(*) AS n FROM audit_events WHERE action = ${action} AND outcome = 'success' AND subject_client_id = ${h.cast.client.clientId}`,
      );
      return Number(result.rows[0]?.n);
    };
    const own = await count('access-report.read');
    const staff = await count('client.access-report.read');
    await report(client);
    await report(therapist, `/api/v1/clients/${h.cast.client.clientId}/access-report`);
    expect(await count('access-report.read')).toBe(own + 1);
    expect(await count('client.access-report.read')).toBe(staff + 1);
    const items = await report(client);
    expect(items[0]).toMatchObject({
      actorName: 'Maya Okafor',
      action: 'read',
      resourceType: 'access-report',
    });
  });

  it('pages newest first with a cursor, and refuses a cursor it did not issue', async () => {
    const all = await report(client, '/api/v1/portal/access-report?limit=200');
    const first = await client.request({
      method: 'GET',
      url: '/api/v1/portal/access-report?limit=2',
    });
    const page = first.json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const second = await client.request({
      method: 'GET',
      url: `/api/v1/portal/access-report?limit=2&cursor=${page.nextCursor}`,
    });
    // Viewing added events, but the cursor keeps its place: the next page starts after page one.
    expect(second.json().items[0]).toEqual(all[2]);
    const bad = await client.request({
      method: 'GET',
      url: '/api/v1/portal/access-report?cursor=bm9wZQ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail ?? bad.json().title).toBeTruthy();
  });
});
