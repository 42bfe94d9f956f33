import { acceptContactAgreement, proposeContactAgreement } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../operator';
import { openEpisodeFor } from '../testing/episodes';
import { type Caller, createHarness, type Harness } from '../testing/harness';
import { signInOnClock, testClock } from '../testing/sign-in';

// The practice's risk-language phrase lists (issue 10): an administrator adds phrases, switches a
// shipped one off and adds a language; the screen of client messages uses the saved version.
let h: Harness;
let episodeId = '';
const KEYS = ['therapist', 'client', 'admin', 'otherPracticeAdmin'] as const;
const who = {} as Record<(typeof KEYS)[number], Caller>;

const get = (c: Caller) => c.request({ method: 'GET', url: '/api/v1/risk-phrases' });
const save = (c: Caller, payload: object) =>
  c.request({ method: 'PUT', url: '/api/v1/risk-phrases', payload });
const send = (body: string) =>
  who.client.request({
    method: 'POST',
    url: `/api/v1/episodes/${episodeId}/messages`,
    payload: { body },
  });
const riskAlerts = async () =>
  (await who.therapist.request({ method: 'GET', url: `/api/v1/episodes/${episodeId}/alerts` }))
    .json()
    .items.filter((a: { kind: string }) => a.kind === 'risk-language');

async function storedVersions(): Promise<number> {
  const r = await h.services.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM risk_phrase_lists WHERE practice_id = ${h.cast.admin.practiceId}`,
  );
  return r.rows[0]?.n ?? 0;
}

function problem(r: LightMyRequestResponse, status: number): Record<string, unknown> {
  expect(r.statusCode, r.body).toBe(status);
  expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
  return r.json();
}

const change = {
  basedOnVersion: 0,
  languages: [
    {
      language: 'en',
      phrases: ['Walk into the sea'],
      switchedOff: [
        { phrase: 'overdose', reason: 'Our asthma clinic uses it of inhalers all day.' },
      ],
    },
    { language: 'es', phrases: ['quiero morir'], negations: ['no', 'nunca'] },
  ],
};

beforeAll(async () => {
  h = await createHarness();
  const clock = testClock();
  h.services.now = clock.now;
  for (const key of KEYS) who[key] = await signInOnClock(h.app, clock, h.cast[key]);
  const { therapist, client } = h.cast;
  episodeId = (await openEpisodeFor(h.services, therapist, client)).id;
  const as = (p: typeof therapist, role: 'therapist' | 'client') =>
    actingAs(h.services, { id: p.userId, practiceId: p.practiceId, role });
  await proposeContactAgreement(as(therapist, 'therapist'), episodeId, {
    channels: { messages: true, email: false, phone: false },
    availability: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '23:59' })),
    responseTimeHours: 24,
  });
  await acceptContactAgreement(as(client, 'client'), episodeId, { version: 1 });
});
afterAll(async () => h?.close());

describe("the practice's risk-language phrase lists", () => {
  it('start as the shipped list, readable by staff', async () => {
    const r = await get(who.therapist);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ version: 0, savedBy: null, languages: [] });
    expect(r.json().lists.map((l: { version: string }) => l.version)).toEqual(['en-1']);
    expect(r.json().shipped[0].phrases).toContain('kill myself');
  });

  it('refuse an empty, overlong or duplicate phrase with a 400 saying which, storing nothing', async () => {
    const en = (phrases: string[]) => ({
      basedOnVersion: 0,
      languages: [{ language: 'en', phrases }],
    });
    const cases: [object, RegExp][] = [
      [en(['   ']), /cannot be empty/],
      [en(['x'.repeat(81)]), /at most 80 characters/],
      [en(['walk into the sea', 'Walk into the  sea']), /listed twice/],
      [en(['Kill myself']), /already on the shipped list en-1/],
      [en(['?!']), /no letters or digits/],
      [{ ...change, languages: [{ language: 'English', phrases: ['x'] }] }, /code such as "en"/],
      [
        {
          basedOnVersion: 0,
          languages: [{ language: 'en', switchedOff: [{ phrase: 'suicide', reason: ' ' }] }],
        },
        /Say why/,
      ],
    ];
    for (const [payload, message] of cases) {
      const body = problem(await save(who.admin, payload), 400);
      expect(body.detail, JSON.stringify(payload)).toMatch(message);
    }
    expect(await storedVersions()).toBe(0);
  });

  it('are changed by an administrator only, each save a new version', async () => {
    problem(await save(who.therapist, change), 403);
    const r = await save(who.admin, change);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      version: 1,
      savedBy: expect.any(String),
      languages: [
        { language: 'en', phrases: ['walk into the sea'], switchedOff: [{ phrase: 'overdose' }] },
        { language: 'es', phrases: ['quiero morir'], negations: ['no', 'nunca'] },
      ],
    });
    expect(r.json().lists.map((l: { version: string }) => l.version)).toEqual([
      'en-1+practice-1',
      'es-practice-1',
    ]);
    // Made from an older version: 409, nothing stored.
    problem(await save(who.admin, change), 409);
    expect(await storedVersions()).toBe(1);
    // Another practice's lists are its own.
    expect((await get(who.otherPracticeAdmin)).json().version).toBe(0);
    const audit = await h.services.db.execute<{ detail: Record<string, unknown> }>(
      sql`SELECT detail FROM audit_events WHERE action = 'risk-phrases.update' AND outcome = 'success'`,
    );
    expect(audit.rows).toEqual([
      { detail: expect.objectContaining({ version: 1, languages: 'en,es' }) },
    ]);
  });

  it('raise an urgent risk-language alert on a phrase the practice added, naming it and the list version', async () => {
    const r = await send('Some nights I just want to walk into the sea.');
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().crisisResources.title).toMatch(/harming yourself/);
    const [alert] = await riskAlerts();
    expect(alert).toMatchObject({
      severity: 'urgent',
      rule: 'risk-language',
      inputs: { phrase: 'walk into the sea', negated: false, list: 'en-1+practice-1' },
    });
    expect(alert.explanation).toMatch(/"walk into the sea".*en-1\+practice-1/);
  });

  it('screen the added language, and no longer match a phrase switched off', async () => {
    const off = await send('Took an overdose of my inhaler before the run, all fine.');
    expect(off.statusCode).toBe(201);
    expect(off.json()).not.toHaveProperty('crisisResources');
    expect(await riskAlerts()).toHaveLength(1);
    const spanish = await send('A veces quiero morir.');
    expect(spanish.json().crisisResources).toBeDefined();
    const negated = await send('No quiero morir, solo estoy cansada.');
    expect(negated.json()).not.toHaveProperty('crisisResources');
    const alerts = await riskAlerts();
    expect(alerts).toHaveLength(3);
    expect(
      alerts.map((a: { severity: string; inputs: { list: string } }) => [
        a.severity,
        a.inputs.list,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['urgent', 'es-practice-1'],
        ['warning', 'es-practice-1'],
      ]),
    );
  });
});
