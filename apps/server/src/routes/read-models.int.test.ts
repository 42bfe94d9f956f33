import { inviteClient } from '@throughline/domain';
import { clients } from '@throughline/domain/schema';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../operator';
import {
  type Caller,
  createHarness,
  type Harness,
  type Person,
  signInAs,
} from '../testing/harness';
import { ago, days, fixtures } from '../testing/read-model-fixtures';

const SECRET = 'PROCESS-NOTE-SECRET-TEXT';
let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;
let client: Caller;
let fx: ReturnType<typeof fixtures>;
const now = Date.now();
type Key =
  | 'episode'
  | 'previous'
  | 'first'
  | 'last'
  | 'cancelled'
  | 'next'
  | 'later'
  | 'note1'
  | 'note2'
  | 'thread'
  | 'song'
  | 'open'
  | 'doneRecently'
  | 'doneBefore'
  | 'doneLongAgo'
  | 'othersEpisode'
  | 'othersAppointment';
const ids = {} as Record<Key, string>;

beforeAll(async () => {
  h = await createHarness();
  const { cast } = h;
  fx = fixtures(h.services, cast.therapist);
  const previous = await fx.episode(cast.client, {
    phase: 'closed',
    title: 'First course',
    openedAt: ago(800, now),
    closedAt: ago(500, now),
  });
  const e = await fx.episode(cast.client, { openedAt: ago(100, now), previousEpisodeId: previous });
  ids.episode = e;
  ids.previous = previous;
  await fx.phaseChange(e, null, 'intake', ago(100, now));
  await fx.phaseChange(e, 'intake', 'active', ago(90, now));
  ids.first = await fx.appointment(e, ago(14, now));
  ids.last = await fx.appointment(e, ago(7, now));
  ids.cancelled = await fx.appointment(e, ago(5, now), 'cancelled', {
    cancelledBy: 'client',
    lateCancellation: true,
  });
  ids.next = await fx.appointment(e, new Date(now + days(2)), 'scheduled');
  ids.later = await fx.appointment(e, new Date(now + days(9)), 'scheduled');
  ids.note1 = await fx.note(e, {
    appointmentId: ids.first,
    body: { planForNext: 'Try the drum circle' },
    createdAt: ago(14, now),
  });
  ids.note2 = await fx.note(e, {
    appointmentId: ids.last,
    body: { planForNext: 'Revisit the lullaby' },
    createdAt: ago(7, now),
  });
  ids.thread = await fx.thread(e, ids.note1, 'Grief for grandmother');
  await fx.thread(e, ids.note1, 'A closed theme', {
    closedAt: ago(7, now),
    closedInNoteId: ids.note2,
  });
  ids.song = await fx.attachment(e, 'song.mp3');
  ids.open = await fx.homework(e, ids.note2, {
    title: 'Listen to Clair de Lune',
    instructions: 'Once a day, lying down.',
    dueOn: new Date(now + days(1)).toISOString().slice(0, 10),
    attachmentId: ids.song,
    createdAt: ago(7, now),
  });
  ids.doneRecently = await fx.homework(e, ids.note2, {
    title: 'Write a verse',
    status: 'done',
    completedAt: ago(3, now),
    comment: 'It helped me sleep',
    createdAt: ago(7, now),
  });
  ids.doneBefore = await fx.homework(e, ids.note1, {
    title: 'Hum a tune',
    status: 'done',
    completedAt: ago(10, now),
    createdAt: ago(14, now),
  });
  ids.doneLongAgo = await fx.homework(e, ids.note1, {
    title: 'Old task',
    status: 'done',
    completedAt: ago(40, now),
    createdAt: ago(41, now),
  });
  await fx.psychotherapyNote(e, SECRET);
  // Another therapist's episode with the same client: not the therapist's to see.
  const other = fixtures(h.services, cast.otherTherapist);
  ids.othersEpisode = await other.episode(cast.client, { title: 'Group work' });
  ids.othersAppointment = await other.appointment(ids.othersEpisode, ago(3, now));
  therapist = await signInAs(h.app, cast.therapist);
  otherTherapist = await signInAs(h.app, cast.otherTherapist);
  client = await signInAs(h.app, cast.client);
});
afterAll(async () => h?.close());

const get = (caller: Caller, url: string) => caller.request({ method: 'GET', url });

describe('GET /api/v1/episodes/:id/brief', () => {
  it('prepares the next session: plan, threads, homework with the client comment, days since', async () => {
    const response = await get(therapist, `/api/v1/episodes/${ids.episode}/brief`);
    expect(response.statusCode).toBe(200);
    const brief = response.json();
    expect(brief.episode).toMatchObject({
      id: ids.episode,
      phase: 'active',
      previousEpisodeId: ids.previous,
    });
    expect(brief.client).toMatchObject({ id: h.cast.client.clientId, displayName: 'client' });
    expect(brief.appointment.id).toBe(ids.next);
    expect(brief.appointment.timeZone).toBe('Europe/London');
    expect(brief.daysSinceLastSession).toBe(9);
    expect(brief.lastSession).toMatchObject({
      appointmentId: ids.last,
      noteId: ids.note2,
      noteStatus: 'signed',
      planForNext: 'Revisit the lullaby',
      unsignedNoteId: null,
    });
    expect(brief.openThreads.map((t: { title: string }) => t.title)).toEqual([
      'Grief for grandmother',
    ]);
    const homework = Object.fromEntries(brief.homework.map((w: { id: string }) => [w.id, w]));
    expect(Object.keys(homework).sort()).toEqual([ids.open, ids.doneRecently].sort());
    expect(homework[ids.doneRecently]).toMatchObject({
      status: 'done',
      clientComment: 'It helped me sleep',
    });
    expect(homework[ids.open]).toMatchObject({
      title: 'Listen to Clair de Lune',
      status: 'assigned',
    });
    // The client returns after a first course with the same therapist: the brief starts from it
    // (routes/ending-summary.int.test.ts has its contents); nothing else has sections to show.
    expect(Object.keys(brief.sections)).toEqual(['beforeThisEpisode']);
    expect(brief.sections.beforeThisEpisode).toMatchObject({ title: 'First course' });
    expect(response.body).not.toContain(SECRET);
  });

  it('for a chosen session, looks back from that session', async () => {
    const response = await get(
      therapist,
      `/api/v1/episodes/${ids.episode}/brief?appointment=${ids.last}`,
    );
    expect(response.statusCode).toBe(200);
    const brief = response.json();
    expect(brief.appointment.id).toBe(ids.last);
    expect(brief.daysSinceLastSession).toBe(7);
    expect(brief.lastSession).toMatchObject({
      appointmentId: ids.first,
      planForNext: 'Try the drum circle',
    });
  });

  it('says when the latest note is still a draft, and keeps the last signed plan', async () => {
    const draft = await fx.note(ids.episode, { status: 'draft', createdAt: ago(0.5, now) });
    const brief = (await get(therapist, `/api/v1/episodes/${ids.episode}/brief`)).json();
    expect(brief.lastSession).toMatchObject({
      noteId: ids.note2,
      noteStatus: 'draft',
      unsignedNoteId: draft,
      planForNext: 'Revisit the lullaby',
    });
  });

  it('answers 404 for a session of another episode, and to anyone but the therapist', async () => {
    const url = `/api/v1/episodes/${ids.episode}/brief`;
    expect((await get(therapist, `${url}?appointment=${ids.othersAppointment}`)).statusCode).toBe(
      404,
    );
    expect((await get(otherTherapist, url)).statusCode).toBe(404);
    expect((await get(client, url)).statusCode).toBe(404);
    expect((await get(therapist, `/api/v1/episodes/${ids.othersEpisode}/brief`)).statusCode).toBe(
      404,
    );
  });

  it('audits reads and denials without clinical text', async () => {
    const rows = await h.services.db.execute<{ outcome: string; detail: unknown }>(
      sql`SELECT outcome, detail FROM audit_events WHERE action = 'brief.read'`,
    );
    expect(rows.rows.map((r) => r.outcome)).toContain('success');
    expect(rows.rows.map((r) => r.outcome)).toContain('denied');
    expect(JSON.stringify(rows.rows)).not.toMatch(/lullaby|Grief|sleep/);
  });
});

describe('GET /api/v1/clients/:id/timeline', () => {
  const url = () => `/api/v1/clients/${h.cast.client.clientId}/timeline`;
  type Item = {
    type: string;
    at: string;
    episodeId: string;
    id: string;
    title: string;
    timeZone: string | null;
  };

  it('lists the whole relationship, newest first, with non-clinical titles', async () => {
    const response = await get(therapist, `${url()}?limit=200`);
    expect(response.statusCode).toBe(200);
    const items: Item[] = response.json().items;
    const titles = items.map((i) => i.title);
    expect(titles).toContain('Phase: intake → active');
    expect(titles).toContain('Session attended');
    expect(titles).toContain('Session cancelled by client (late)');
    expect(titles).toContain('Music therapy note signed');
    expect(titles).toContain('Homework set: Listen to Clair de Lune');
    expect(titles).toContain('Homework done: Write a verse');
    expect(titles).toContain('Episode opened: First course');
    expect(titles.some((t) => t.startsWith('Returned'))).toBe(true);
    // A session carries its own zone, so the screen shows its time as the session reads it.
    for (const item of items) {
      expect(item.timeZone).toBe(item.type === 'appointment' ? 'Europe/London' : null);
    }
    // Future sessions are not history; the other therapist's episode is not the therapist's.
    const seen = new Set(items.map((i) => i.id));
    expect(seen.has(ids.next)).toBe(false);
    expect(seen.has(ids.othersAppointment)).toBe(false);
    expect(items.every((i) => i.episodeId !== ids.othersEpisode)).toBe(true);
    const times = items.map((i) => Date.parse(i.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('lullaby');
  });

  it('pages with a cursor through exactly the same events', async () => {
    const all: Item[] = (await get(therapist, `${url()}?limit=200`)).json().items;
    const paged: Item[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Item[]; nextCursor: string | null } = (
        await get(therapist, `${url()}?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(10);
  });

  it('filters by type, and refuses an unknown type or cursor', async () => {
    const notes: Item[] = (await get(therapist, `${url()}?types=note,phase-change`)).json().items;
    expect(new Set(notes.map((i) => i.type))).toEqual(new Set(['note', 'phase-change']));
    expect((await get(therapist, `${url()}?types=note,gossip`)).statusCode).toBe(400);
    expect((await get(therapist, `${url()}?cursor=nonsense`)).statusCode).toBe(400);
  });

  it("shows another therapist only their own episodes' events, and hides the client from others", async () => {
    const items: Item[] = (await get(otherTherapist, url())).json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.episodeId === ids.othersEpisode)).toBe(true);
    expect(
      (await get(otherTherapist, `/api/v1/clients/${h.cast.otherClient.clientId}/timeline`))
        .statusCode,
    ).toBe(200);
    expect(
      (await get(therapist, `/api/v1/clients/${h.cast.otherClient.clientId}/timeline`)).statusCode,
    ).toBe(404);
    expect((await get(client, url())).statusCode).toBe(404);
  });
});

describe('GET /api/v1/caseload', () => {
  it('lists open episodes by next session with what needs attention', async () => {
    await fx.note(ids.episode, { status: 'draft', createdAt: ago(2, now) });
    await fx.homework(ids.episode, ids.note2, {
      title: 'Late task',
      dueOn: new Date(now - days(2)).toISOString().slice(0, 10),
    });
    const view = await inviteClient(
      actingAs(h.services, {
        id: h.cast.therapist.userId,
        practiceId: h.cast.therapist.practiceId,
        role: 'therapist',
      }),
      { displayName: 'Aaron Waiting', email: 'aaron@test.example' },
    );
    const waiting: Person = { ...h.cast.client, clientId: view.id };
    const quiet = await fx.episode(waiting);
    const response = await get(therapist, '/api/v1/caseload');
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((i: { episodeId: string }) => i.episodeId)).toEqual([ids.episode, quiet]);
    const [main, other] = items;
    expect(main).toMatchObject({
      clientId: h.cast.client.clientId,
      phase: 'active',
      nextSession: new Date(now + days(2)).toISOString(),
      nextSessionTimeZone: 'Europe/London',
      lastContactAt: ago(7, now).toISOString(),
      daysSinceLastContact: 7,
    });
    expect(main.attention).toEqual([
      { kind: 'unsigned-notes', count: 1 },
      { kind: 'homework-completed', count: 1 },
      { kind: 'overdue-homework', count: 1 },
    ]);
    expect(other).toMatchObject({
      nextSession: null,
      nextSessionTimeZone: null,
      lastContactAt: null,
      daysSinceLastContact: null,
    });
    expect(other.attention).toEqual([{ kind: 'no-next-session', count: 1 }]);
  });

  it("is each therapist's own", async () => {
    const items = (await get(otherTherapist, '/api/v1/caseload')).json().items;
    expect(items.map((i: { episodeId: string }) => i.episodeId)).toEqual([ids.othersEpisode]);
    expect((await get(client, '/api/v1/caseload')).statusCode).toBe(403);
  });
});

describe('GET /api/v1/portal', () => {
  it("shows next sessions in the client's own zone, and their homework", async () => {
    await h.services.db
      .update(clients)
      .set({ timeZone: 'America/New_York', preferredName: 'Cee' })
      .where(eq(clients.id, h.cast.client.clientId ?? ''));
    // Booked at 15:00 in the practice's zone (Europe/London, summer time) = 14:00 UTC.
    const summer = await fx.appointment(
      ids.episode,
      new Date('2027-07-01T14:00:00Z'),
      'scheduled',
      {
        modality: 'video',
      },
    );
    const response = await get(client, '/api/v1/portal');
    expect(response.statusCode).toBe(200);
    const home = response.json();
    expect(home.displayName).toBe('client');
    expect(home.preferredName).toBe('Cee');
    expect(home).not.toHaveProperty('goals');
    expect(home.preferences).toEqual({
      timeZone: 'America/New_York',
      safeContact: { mayEmail: true, emailMayIncludeDetails: false, remindersEnabled: true },
    });
    expect(home.nextSessions.map((s: { id: string }) => s.id)).toEqual([
      ids.next,
      ids.later,
      summer,
    ]);
    expect(home.nextSessions[2]).toMatchObject({
      localStart: '2027-07-01T10:00:00-04:00',
      timeZone: 'America/New_York',
      modality: 'video',
    });
    const work = Object.fromEntries(home.homework.map((w: { id: string }) => [w.id, w]));
    expect(work[ids.open]).toMatchObject({
      title: 'Listen to Clair de Lune',
      instructions: 'Once a day, lying down.',
      attachment: { id: ids.song, fileName: 'song.mp3' },
      clientComment: null,
    });
    expect(work[ids.doneRecently]).toMatchObject({
      status: 'done',
      clientComment: 'It helped me sleep',
    });
    expect(work[ids.doneBefore]).toBeDefined();
    expect(work[ids.doneLongAgo]).toBeUndefined();
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('lullaby');
  });

  it("never shows one client another's sessions or homework", async () => {
    const other = await signInAs(h.app, h.cast.otherClient);
    const home = (await get(other, '/api/v1/portal')).json();
    expect(home.nextSessions).toEqual([]);
    expect(home.homework).toEqual([]);
  });
});
