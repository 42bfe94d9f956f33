import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUSIC_IN_DAILY_LIFE, MUSIC_IN_DAILY_LIFE_IMPORT } from '../demo/music-questionnaire';
import { insertEpisode } from '../testing/appointments-fixtures';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

let h: Harness;
let admin: Caller;
let therapist: Caller;
let client: Caller;
let episodeId = '';
let key = '';
const NOW = new Date('2026-03-02T09:00:00Z');

const stored = async (): Promise<number> =>
  Number(
    (await h.database.pool.query('SELECT count(*)::int AS n FROM practice_instruments')).rows[0].n,
  );

const importForm = (payload: unknown, caller = admin) =>
  caller.request({ method: 'POST', url: '/api/v1/instruments/custom', payload: payload as object });

beforeAll(async () => {
  h = await createHarness();
  episodeId = await insertEpisode(h, {
    clientId: h.cast.client.clientId ?? '',
    therapist: h.cast.therapist,
  });
  admin = await signInAs(h.app, h.cast.admin);
  therapist = await signInAs(h.app, h.cast.therapist);
  client = await signInAs(h.app, h.cast.client);
  h.services.now = () => NOW;
});
afterAll(async () => h?.close());

describe('importing a FHIR Questionnaire as a practice instrument', () => {
  it('previews without storing, then imports with the bands given', async () => {
    const preview = await admin.request({
      method: 'POST',
      url: '/api/v1/instruments/custom/preview',
      payload: MUSIC_IN_DAILY_LIFE_IMPORT,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ importedAt: null, scoreRange: { min: 0, max: 24 } });
    expect(await stored()).toBe(0);

    const r = await importForm(MUSIC_IN_DAILY_LIFE_IMPORT);
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    key = body.key;
    expect(body).toMatchObject({
      key: 'custom-music-in-daily-life-check',
      version: '1',
      title: 'Music in Daily Life check',
      direction: 'higher-is-better',
      bands: [
        { label: 'Music rarely helping', min: 0, max: 8 },
        { label: 'Music sometimes helping', min: 9, max: 16 },
        { label: 'Music often helping', min: 17, max: 24 },
      ],
    });
    expect(body.items.map((i: { reverseScored: boolean }) => i.reverseScored)).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
    ]);
    expect(await stored()).toBe(1);
  });

  it('refuses a form with an unweighted item, naming its linkId and text; nothing is stored', async () => {
    const items = structuredClone(MUSIC_IN_DAILY_LIFE.item ?? []);
    for (const o of items[2]?.answerOption ?? []) delete o.valueCoding?.extension;
    const r = await importForm({
      ...MUSIC_IN_DAILY_LIFE_IMPORT,
      questionnaire: { ...MUSIC_IN_DAILY_LIFE, title: 'Unweighted', item: items },
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.json().detail).toMatch(
      /Item mdl-3 “Music helped me express something I found hard to put into words” has answer options without a weight/,
    );
    expect(r.json().errors[0]).toMatchObject({ path: 'questionnaire.item[2]' });
    expect(await stored()).toBe(1);
  });

  it('refuses unsupported item types, bands outside the totals, and what is not a Questionnaire', async () => {
    const withText = await importForm({
      ...MUSIC_IN_DAILY_LIFE_IMPORT,
      questionnaire: {
        ...MUSIC_IN_DAILY_LIFE,
        item: [
          ...(MUSIC_IN_DAILY_LIFE.item ?? []),
          { linkId: 'notes', text: 'Anything else?', type: 'text' },
        ],
      },
    });
    expect(withText.statusCode).toBe(400);
    expect(withText.json().detail).toMatch(
      /Item notes “Anything else\?” asks for a free-text answer/,
    );
    const bands = await importForm({
      ...MUSIC_IN_DAILY_LIFE_IMPORT,
      bands: [{ label: 'All', min: 0, max: 30 }],
    });
    expect(bands.statusCode).toBe(400);
    expect(bands.json().errors).toEqual([
      { path: 'bands[0].max', message: 'Band 1 ends at 30, outside the possible totals 0–24.' },
    ]);
    const patient = await importForm({
      ...MUSIC_IN_DAILY_LIFE_IMPORT,
      questionnaire: { resourceType: 'Patient' },
    });
    expect(patient.statusCode).toBe(400);
    expect(patient.json().detail).toMatch(/not a FHIR Questionnaire/);
    expect(await stored()).toBe(1);
  });

  it('is an administrator’s to import: a therapist is refused (403)', async () => {
    expect((await importForm(MUSIC_IN_DAILY_LIFE_IMPORT, therapist)).statusCode).toBe(403);
    expect(await stored()).toBe(1);
  });
});

describe('a practice instrument works like a shipped one', () => {
  it('is planned, sent, answered in the portal, scored, banded and listed with the scores', async () => {
    const plan = await therapist.request({
      method: 'PUT',
      url: `/api/v1/episodes/${episodeId}/measurement-plan`,
      payload: { items: [{ instrument: key, schedule: 'before-every-session', active: true }] },
    });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json().items).toEqual([
      expect.objectContaining({ instrument: key, title: 'Music in Daily Life check' }),
    ]);

    const sent = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/measure-tasks`,
      payload: { instrument: key },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().task.title).toBe('Music in Daily Life check');

    const portal = await client.request({ method: 'GET', url: '/api/v1/portal/measure-tasks' });
    expect(portal.statusCode, portal.body).toBe(200);
    const task = portal.json().items.find((t: { instrument: string }) => t.instrument === key);
    expect(task).toMatchObject({
      instructions: 'Thinking about the last two weeks, how often was each of these true for you?',
      options: [
        { value: 0, label: 'Not at all' },
        { value: 1, label: 'Rarely' },
        { value: 2, label: 'Sometimes' },
        { value: 3, label: 'Often' },
        { value: 4, label: 'Nearly every day' },
      ],
    });
    expect(task.items).toHaveLength(6);

    const badAnswer = await client.request({
      method: 'POST',
      url: `/api/v1/portal/measure-tasks/${task.id}/submit`,
      payload: { answers: [3, 3, 3, 3, 9, 3] },
    });
    expect(badAnswer.statusCode).toBe(400);
    expect(badAnswer.json().detail).toBe('Item 5 must be 0–4.');

    // "Often" everywhere; item 5 is reverse-scored, so it adds 4 − 3 = 1: 3·5 + 1 = 16.
    const submitted = await client.request({
      method: 'POST',
      url: `/api/v1/portal/measure-tasks/${task.id}/submit`,
      payload: { answers: [3, 3, 3, 3, 3, 3] },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().response).toMatchObject({
      instrument: key,
      instrumentVersion: '1',
      total: 16,
      band: 'Music sometimes helping',
    });
    const row = (
      await h.database.pool.query(
        'SELECT total, band, instrument_version FROM responses WHERE instrument = $1',
        [key],
      )
    ).rows;
    expect(row).toEqual([{ total: 16, band: 'Music sometimes helping', instrument_version: '1' }]);

    const scores = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/scores`,
    });
    expect(scores.statusCode, scores.body).toBe(200);
    expect(scores.json().instruments).toEqual([
      expect.objectContaining({
        instrument: key,
        title: 'Music in Daily Life check',
        direction: 'higher-is-better',
        cutoff: null,
        series: [expect.objectContaining({ total: 16, band: 'Music sometimes helping' })],
      }),
    ]);
  });

  it('re-importing adds a version; retiring stops planning but keeps the scores', async () => {
    const again = await importForm(MUSIC_IN_DAILY_LIFE_IMPORT);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ key, version: '2' });
    expect(await stored()).toBe(2);

    const retired = await admin.request({
      method: 'POST',
      url: `/api/v1/instruments/custom/${key}/retire`,
    });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json().retiredAt).not.toBeNull();

    const plan = await therapist.request({
      method: 'PUT',
      url: `/api/v1/episodes/${episodeId}/measurement-plan`,
      payload: { items: [{ instrument: key, schedule: 'once', active: true }] },
    });
    expect(plan.statusCode).toBe(409);
    expect(plan.json().detail).toMatch(/Music in Daily Life check has been retired/);

    const scores = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/scores`,
    });
    expect(scores.json().instruments[0].series).toHaveLength(1);
    const list = await therapist.request({ method: 'GET', url: '/api/v1/instruments/custom' });
    expect(list.json().items).toEqual([
      expect.objectContaining({ key, version: '2', retiredAt: expect.any(String) }),
    ]);
  });
});
