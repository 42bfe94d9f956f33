import { randomUUID } from 'node:crypto';
import { appointments, episodes } from '@throughline/domain/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealedTitle } from '../testing/episodes';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;
let client: Caller;
let admin: Caller;
let episodeId: string;
let otherEpisodeId: string;
let appointmentId: string;
let otherAppointmentId: string;

const musicNote = {
  methods: ['receptive', 'improvisational', 'compositional'],
  instruments: ['djembe', 'ocean drum'],
  music: [
    { title: 'Weightless', artist: 'Marconi Union', clientCreated: false },
    { title: 'Night Shift', clientCreated: true },
  ],
  clientResponses: 'SECRET-RESPONSE shoulders dropped during the listening.',
  goalsAddressed: 'Wind-down routine before sleep.',
  planForNext: 'SECRET-PLAN revisit the lyric of the second verse.',
  threadsToOpen: ['SECRET-THREAD sleep before shifts'],
  homework: [
    {
      title: 'SECRET-HOMEWORK evening playlist',
      instructions: 'Listen to the 3 tracks before bed and note how you slept.',
      dueOn: '2026-03-09',
    },
  ],
};

beforeAll(async () => {
  h = await createHarness();
  const { cast, services } = h;
  const firstId = randomUUID();
  const otherId = randomUUID();
  const [episode] = await services.db
    .insert(episodes)
    .values({
      id: firstId,
      practiceId: cast.therapist.practiceId,
      clientId: cast.client.clientId ?? '',
      therapistId: cast.therapist.userId,
      title: await sealedTitle(services, cast.therapist.practiceId, firstId, 'Music therapy, 2026'),
      phase: 'active',
    })
    .returning();
  const [other] = await services.db
    .insert(episodes)
    .values({
      id: otherId,
      practiceId: cast.otherTherapist.practiceId,
      clientId: cast.otherClient.clientId ?? '',
      therapistId: cast.otherTherapist.userId,
      title: await sealedTitle(services, cast.otherTherapist.practiceId, otherId, 'Other'),
      phase: 'active',
    })
    .returning();
  episodeId = episode?.id ?? '';
  otherEpisodeId = other?.id ?? '';
  const appointment = async (episode: string, therapistId: string) => {
    const [row] = await services.db
      .insert(appointments)
      .values({
        practiceId: cast.therapist.practiceId,
        episodeId: episode,
        therapistId,
        startsAt: new Date('2026-03-02T10:00:00Z'),
        endsAt: new Date('2026-03-02T10:50:00Z'),
      })
      .returning();
    return row?.id ?? '';
  };
  appointmentId = await appointment(episodeId, cast.therapist.userId);
  otherAppointmentId = await appointment(otherEpisodeId, cast.otherTherapist.userId);
  therapist = await signInAs(h.app, cast.therapist);
  otherTherapist = await signInAs(h.app, cast.otherTherapist);
  client = await signInAs(h.app, cast.client);
  admin = await signInAs(h.app, cast.admin);
});
afterAll(async () => h?.close());

async function draft(
  body: unknown = {},
  template = 'music-therapy',
): Promise<{ id: string; version: number }> {
  const response = await therapist.request({
    method: 'POST',
    url: `/api/v1/episodes/${episodeId}/notes`,
    payload: { template, appointmentId, body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('session notes', () => {
  it('creates a draft, autosaves with versions, and refuses a stale version', async () => {
    const note = await draft({ clientResponses: 'first' });
    expect(note.version).toBe(1);
    const saved = await therapist.request({
      method: 'PATCH',
      url: `/api/v1/notes/${note.id}`,
      payload: { version: 1, body: { clientResponses: 'second' } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    const stale = await therapist.request({
      method: 'PATCH',
      url: `/api/v1/notes/${note.id}`,
      payload: { version: 1, body: { clientResponses: 'lost update' } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('NOTE_VERSION_CONFLICT');
    const read = await therapist.request({ method: 'GET', url: `/api/v1/notes/${note.id}` });
    expect(read.json().body).toEqual({ clientResponses: 'second' });
    const staleSign = await therapist.request({
      method: 'POST',
      url: `/api/v1/notes/${note.id}/sign`,
      payload: { version: 1 },
    });
    expect(staleSign.statusCode).toBe(409);
  });

  it('refuses an appointment of another episode and wrongly shaped fields', async () => {
    const foreign = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/notes`,
      payload: { template: 'soap', appointmentId: otherAppointmentId, body: {} },
    });
    expect(foreign.statusCode).toBe(400);
    const bad = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/notes`,
      payload: { template: 'music-therapy', body: { methods: ['dancing'], music: 'x' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.methods.0',
      'body.music',
    ]);
  });

  it('signing an incomplete note answers 400 naming the missing fields, and changes nothing', async () => {
    const note = await draft({ methods: ['receptive'] });
    const response = await therapist.request({
      method: 'POST',
      url: `/api/v1/notes/${note.id}/sign`,
      payload: { version: note.version },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.clientResponses',
      'body.goalsAddressed',
      'body.planForNext',
    ]);
    expect(response.json().detail).toContain('body.goalsAddressed');
    const read = await therapist.request({ method: 'GET', url: `/api/v1/notes/${note.id}` });
    expect(read.json().status).toBe('draft');
  });

  it('signing locks the note and materialises threads and homework, encrypted', async () => {
    const note = await draft(musicNote);
    const signed = await therapist.request({
      method: 'POST',
      url: `/api/v1/notes/${note.id}/sign`,
      payload: { version: note.version },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().status).toBe('signed');
    expect(signed.json().signedAt).toBeTruthy();

    const threads = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/threads`,
    });
    expect(threads.json().items.map((t: { title: string }) => t.title)).toEqual([
      'SECRET-THREAD sleep before shifts',
    ]);
    const homework = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/homework`,
    });
    expect(homework.json().items).toHaveLength(1);
    expect(homework.json().items[0]).toMatchObject({
      title: 'SECRET-HOMEWORK evening playlist',
      status: 'assigned',
      dueOn: '2026-03-09',
      noteId: note.id,
    });

    // Editing, re-signing: refused, and the note is unchanged.
    const edit = await therapist.request({
      method: 'PATCH',
      url: `/api/v1/notes/${note.id}`,
      payload: { version: signed.json().version, body: { clientResponses: 'rewritten' } },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('NOTE_SIGNED');
    const again = await therapist.request({
      method: 'POST',
      url: `/api/v1/notes/${note.id}/sign`,
      payload: { version: signed.json().version },
    });
    expect(again.statusCode).toBe(409);
    const read = await therapist.request({ method: 'GET', url: `/api/v1/notes/${note.id}` });
    expect(read.json().body.clientResponses).toBe(musicNote.clientResponses);
    expect(read.json().version).toBe(signed.json().version);

    const raw = await h.services.db.execute(
      sql`SELECT (SELECT string_agg(body, '') FROM notes) || (SELECT string_agg(title, '') FROM threads) || (SELECT string_agg(title || instructions, '') FROM homework) AS everything`,
    );
    const everything = String(raw.rows[0]?.everything);
    expect(everything.length).toBeGreaterThan(100);
    expect(everything).not.toContain('SECRET');
    expect(everything).not.toContain('playlist');
  });

  it('a later note closes a thread; addenda only on signed notes, with author', async () => {
    const threads = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/threads`,
    });
    const threadId = threads.json().items[0].id as string;
    const note = await draft({
      ...musicNote,
      threadsToOpen: [],
      homework: [],
      threadsToClose: [threadId],
    });
    const addendumOnDraft = await therapist.request({
      method: 'POST',
      url: `/api/v1/notes/${note.id}/addenda`,
      payload: { text: 'too early' },
    });
    expect(addendumOnDraft.statusCode).toBe(409);
    expect(addendumOnDraft.json().code).toBe('NOTE_NOT_SIGNED');
    const signed = await therapist.request({
      method: 'POST',
      url: `/api/v1/notes/${note.id}/sign`,
      payload: { version: note.version },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const closed = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/threads?status=closed`,
    });
    expect(closed.json().items).toMatchObject([
      { id: threadId, status: 'closed', closedInNoteId: note.id },
    ]);
    const closeAgain = await therapist.request({
      method: 'POST',
      url: `/api/v1/threads/${threadId}/close`,
      payload: {},
    });
    expect(closeAgain.statusCode).toBe(409);

    const addendum = await therapist.request({
      method: 'POST',
      url: `/api/v1/notes/${note.id}/addenda`,
      payload: { text: 'Correction: the djembe was borrowed.' },
    });
    expect(addendum.statusCode, addendum.body).toBe(201);
    expect(addendum.json().addenda).toMatchObject([
      {
        text: 'Correction: the djembe was borrowed.',
        authorName: 'therapist',
        authorId: h.cast.therapist.userId,
      },
    ]);
    const raw = await h.services.db.execute(sql`SELECT body FROM note_addenda`);
    expect(JSON.stringify(raw.rows)).not.toContain('djembe');
  });

  it('closing a thread that is already closed through signing is refused at sign time', async () => {
    const closed = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/threads?status=closed`,
    });
    const note = await draft({
      ...musicNote,
      threadsToOpen: [],
      homework: [],
      threadsToClose: [closed.json().items[0].id],
    });
    const response = await therapist.request({
      method: 'POST',
      url: `/api/v1/notes/${note.id}/sign`,
      payload: { version: note.version },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.threadsToClose.0');
  });

  it('lists notes without bodies; others get 404', async () => {
    const list = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/notes`,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(2);
    expect(list.json().items[0].body).toBeUndefined();
    for (const caller of [otherTherapist, client, admin]) {
      const denied = await caller.request({
        method: 'GET',
        url: `/api/v1/episodes/${episodeId}/notes`,
      });
      expect(denied.statusCode).toBe(404);
      const note = await caller.request({
        method: 'GET',
        url: `/api/v1/notes/${list.json().items[0].id}`,
      });
      expect(note.statusCode).toBe(404);
    }
  });
});

describe('psychotherapy notes', () => {
  it('are author-only, warn about excluded content, encrypted, and never in the notes list', async () => {
    const created = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/psychotherapy-notes`,
      payload: {
        body: 'PROCESS-SECRET my countertransference; she mentioned sertraline 50 mg.',
        appointmentId,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, warnings } = created.json();
    expect(warnings.map((w: { kind: string }) => w.kind)).toEqual(['medication', 'medication']);
    const own = await therapist.request({
      method: 'GET',
      url: `/api/v1/psychotherapy-notes/${id}`,
    });
    expect(own.json().body).toContain('PROCESS-SECRET');
    const patched = await therapist.request({
      method: 'PATCH',
      url: `/api/v1/psychotherapy-notes/${id}`,
      payload: { body: 'PROCESS-SECRET revised.' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().warnings).toEqual([]);

    for (const caller of [otherTherapist, client, admin]) {
      for (const method of ['GET', 'PATCH'] as const) {
        const response = await caller.request({
          method,
          url: `/api/v1/psychotherapy-notes/${id}`,
          ...(method === 'PATCH' ? { payload: { body: 'overwrite' } } : {}),
        });
        expect(response.statusCode).toBe(404);
      }
    }
    const mine = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/psychotherapy-notes`,
    });
    expect(mine.json().items.map((n: { id: string }) => n.id)).toEqual([id]);
    const notes = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/notes`,
    });
    expect(notes.json().items.map((n: { id: string }) => n.id)).not.toContain(id);
    const raw = await h.services.db.execute(sql`SELECT body FROM psychotherapy_notes`);
    expect(JSON.stringify(raw.rows)).not.toContain('PROCESS-SECRET');
    // Sealed with the psychotherapy key: the record key cannot open it.
    await expect(
      h.services.keyring.decrypt(
        h.services.db,
        h.cast.therapist.practiceId,
        String(raw.rows[0]?.body),
        `psychotherapy-note.body:${id}`,
      ),
    ).rejects.toThrow();
  });

  it('checks text for excluded content', async () => {
    const response = await therapist.request({
      method: 'POST',
      url: '/api/v1/psychotherapy-notes/check',
      payload: { body: 'PHQ-9 of 14. Session 10:00–10:50. Treatment plan unchanged.' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().warnings.map((w: { kind: string }) => w.kind)).toEqual([
      'test-results',
      'session-times',
      'diagnosis-or-plan-summary',
    ]);
  });

  it('refuses a body over 50,000 characters', async () => {
    const response = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/psychotherapy-notes`,
      payload: { body: 'x'.repeat(50_001) },
    });
    expect(response.statusCode).toBe(400);
  });
});
