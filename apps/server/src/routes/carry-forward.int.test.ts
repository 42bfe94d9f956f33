import { randomUUID } from 'node:crypto';
import { episodes } from '@throughline/domain/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealedTitle } from '../testing/episodes';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';
import { multipartFile, SAMPLE_MP3 } from '../testing/multipart';

let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;
let client: Caller;
let otherClient: Caller;
let episodeId: string;
let attachmentId: string;
let homeworkId: string;

const count = async (table: 'attachments' | 'homework'): Promise<number> => {
  const result = await h.services.db.execute(
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
  );
  return Number(result.rows[0]?.n);
};

function upload(caller: Caller, file: ReturnType<typeof multipartFile>, episode = episodeId) {
  return caller.request({
    method: 'POST',
    url: `/api/v1/episodes/${episode}/attachments`,
    payload: file.payload,
    headers: file.headers,
  });
}

beforeAll(async () => {
  h = await createHarness();
  const { cast } = h;
  const id = randomUUID();
  const [episode] = await h.services.db
    .insert(episodes)
    .values({
      id,
      practiceId: cast.therapist.practiceId,
      clientId: cast.client.clientId ?? '',
      therapistId: cast.therapist.userId,
      title: await sealedTitle(h.services, cast.therapist.practiceId, id, 'Music therapy, 2026'),
      phase: 'active',
    })
    .returning();
  episodeId = episode?.id ?? '';
  therapist = await signInAs(h.app, cast.therapist);
  otherTherapist = await signInAs(h.app, cast.otherTherapist);
  client = await signInAs(h.app, cast.client);
  otherClient = await signInAs(h.app, cast.otherClient);
});
afterAll(async () => h?.close());

describe('attachments', () => {
  it('stores an accepted file encrypted; the therapist downloads it as an attachment', async () => {
    const content = Buffer.concat([SAMPLE_MP3, Buffer.from('NIGHT-SHIFT-DEMO')]);
    const response = await upload(
      therapist,
      multipartFile('Night Shift (demo).mp3', 'audio/mpeg', content),
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      fileName: 'Night Shift (demo).mp3',
      mediaType: 'audio/mpeg',
      sizeBytes: content.length,
    });
    attachmentId = response.json().id;
    const raw = await h.services.db.execute(sql`SELECT content FROM attachments`);
    expect(Buffer.from(String(raw.rows[0]?.content)).includes('NIGHT-SHIFT-DEMO')).toBe(false);
    const download = await therapist.request({
      method: 'GET',
      url: `/api/v1/attachments/${attachmentId}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('audio/mpeg');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="Night Shift \(demo\)\.mp3"/,
    );
    expect(download.rawPayload.equals(content)).toBe(true);
  });

  it('refuses an oversize upload with 413 and writes nothing', async () => {
    const before = await count('attachments');
    const big = Buffer.concat([SAMPLE_MP3, Buffer.alloc(10 * 1024 * 1024)]);
    const response = await upload(therapist, multipartFile('long.mp3', 'audio/mpeg', big));
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toContain('10 MB');
    expect(await count('attachments')).toBe(before);
  });

  it('refuses an unaccepted type, or bytes that do not match the declared type, with 415', async () => {
    const before = await count('attachments');
    const exe = await upload(
      therapist,
      multipartFile('song.exe', 'application/x-msdownload', Buffer.from('MZ\x90\x00')),
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json().detail).toContain('audio/mpeg');
    const disguised = await upload(
      therapist,
      multipartFile('song.mp3', 'audio/mpeg', Buffer.from('MZ\x90\x00 not audio')),
    );
    expect(disguised.statusCode).toBe(415);
    const json = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/attachments`,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect(await count('attachments')).toBe(before);
  });

  it('another therapist cannot upload to or read from the episode', async () => {
    const response = await upload(
      otherTherapist,
      multipartFile('a.txt', 'text/plain', Buffer.from('lyrics')),
    );
    expect(response.statusCode).toBe(404);
    const read = await otherTherapist.request({
      method: 'GET',
      url: `/api/v1/attachments/${attachmentId}`,
    });
    expect(read.statusCode).toBe(404);
  });

  it('the client cannot download a file until it is set as their homework', async () => {
    const read = await client.request({
      method: 'GET',
      url: `/api/v1/attachments/${attachmentId}`,
    });
    expect(read.statusCode).toBe(404);
  });
});

describe('homework', () => {
  it('is set by signing a note, seen and completed by the client, and the therapist sees the comment', async () => {
    const created = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/notes`,
      payload: {
        template: 'dap',
        body: {
          data: 'd',
          assessment: 'a',
          plan: 'p',
          planForNext: 'Listen back to the demo together.',
          homework: [
            {
              title: 'Evening playlist',
              instructions: 'Listen to the 3 tracks before bed and note how you slept.',
              link: 'https://example.org/playlist',
              attachmentId,
            },
          ],
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const signed = await therapist.request({
      method: 'POST',
      url: `/api/v1/notes/${created.json().id}/sign`,
      payload: { version: 1 },
    });
    expect(signed.statusCode, signed.body).toBe(200);

    const portal = await client.request({ method: 'GET', url: '/api/v1/portal/homework' });
    expect(portal.statusCode).toBe(200);
    expect(portal.json().items).toMatchObject([
      {
        title: 'Evening playlist',
        status: 'assigned',
        link: 'https://example.org/playlist',
        attachment: {
          id: attachmentId,
          fileName: 'Night Shift (demo).mp3',
          mediaType: 'audio/mpeg',
        },
      },
    ]);
    homeworkId = portal.json().items[0].id;
    const otherPortal = await otherClient.request({
      method: 'GET',
      url: '/api/v1/portal/homework',
    });
    expect(otherPortal.json().items).toEqual([]);
    const file = await client.request({
      method: 'GET',
      url: `/api/v1/attachments/${attachmentId}`,
    });
    expect(file.statusCode).toBe(200);
    expect(
      (await otherClient.request({ method: 'GET', url: `/api/v1/attachments/${attachmentId}` }))
        .statusCode,
    ).toBe(404);

    expect(
      (
        await otherClient.request({
          method: 'POST',
          url: `/api/v1/homework/${homeworkId}/complete`,
          payload: {},
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await therapist.request({
          method: 'POST',
          url: `/api/v1/homework/${homeworkId}/complete`,
          payload: {},
        })
      ).statusCode,
    ).toBe(404);
    const tooLong = await client.request({
      method: 'POST',
      url: `/api/v1/homework/${homeworkId}/complete`,
      payload: { comment: 'x'.repeat(2001) },
    });
    expect(tooLong.statusCode).toBe(400);
    const done = await client.request({
      method: 'POST',
      url: `/api/v1/homework/${homeworkId}/complete`,
      payload: { comment: 'CLIENT-WORDS slept better on the nights I listened.' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      clientComment: 'CLIENT-WORDS slept better on the nights I listened.',
    });
    // The client's own change is in their access report, as "You" changed homework.
    const report = await client.request({ method: 'GET', url: '/api/v1/portal/access-report' });
    expect(report.json().items[0]).toMatchObject({
      actorName: 'You',
      action: 'change',
      resourceType: 'homework',
    });
    const twice = await client.request({
      method: 'POST',
      url: `/api/v1/homework/${homeworkId}/complete`,
      payload: {},
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('HOMEWORK_DONE');

    const seen = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/homework`,
    });
    expect(seen.json().items[0]).toMatchObject({
      status: 'done',
      clientComment: 'CLIENT-WORDS slept better on the nights I listened.',
    });
    expect(seen.json().items[0].completedAt).toBeTruthy();
    const asClient = await client.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/homework`,
    });
    expect(asClient.statusCode).toBe(200);
    expect(
      (await otherClient.request({ method: 'GET', url: `/api/v1/episodes/${episodeId}/homework` }))
        .statusCode,
    ).toBe(404);

    const raw = await h.services.db.execute(
      sql`SELECT title, instructions, client_comment FROM homework`,
    );
    const text = JSON.stringify(raw.rows);
    expect(text).not.toContain('CLIENT-WORDS');
    expect(text).not.toContain('Evening playlist');
  });

  it('a homework attachment from another episode is refused at signing', async () => {
    const created = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/notes`,
      payload: {
        template: 'dap',
        body: {
          data: 'd',
          assessment: 'a',
          plan: 'p',
          planForNext: 'n',
          homework: [
            { title: 't', instructions: 'i', attachmentId: '00000000-0000-4000-8000-000000000000' },
          ],
        },
      },
    });
    const before = await count('homework');
    const signed = await therapist.request({
      method: 'POST',
      url: `/api/v1/notes/${created.json().id}/sign`,
      payload: { version: 1 },
    });
    expect(signed.statusCode).toBe(400);
    expect(signed.json().errors[0].path).toBe('body.homework.0.attachmentId');
    expect(await count('homework')).toBe(before);
  });

  it("threads are the therapist's: the client gets 404", async () => {
    const response = await client.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/threads?status=all`,
    });
    expect(response.statusCode).toBe(404);
  });
});
