import type { Bundle, Resource } from '@medplum/fhirtypes';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collection, minimalBundle } from '../testing/fhir-bundle';
import { normaliseBundle, ROUND_TRIPPED } from '../testing/fhir-normalise';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';
import { type RealisticRecord, realisticRecord } from '../testing/record';

// Importing a relationship bundle (issue 12) on a real database: the realistic record exported
// from the first practice, imported by a therapist of the second, exported again.
let h: Harness;
let record: RealisticRecord;
let therapist: Caller;
let newTherapist: Caller;

beforeAll(async () => {
  h = await createHarness();
  record = await realisticRecord(h);
  therapist = await signInAs(h.app, h.cast.therapist);
  newTherapist = await signInAs(h.app, h.cast.otherPracticeTherapist);
});
afterAll(async () => h?.close());

/**
 * Every type the export writes that the round trip does not compare, and why (docs/fhir.md,
 * "Import"). The test fails if the export writes a type in neither list.
 */
const NOT_ROUND_TRIPPED: Record<string, string> = {
  Organization: 'identity: the importing practice replaces the exporting one',
  Practitioner: 'identity: the importing therapist replaces the exporting ones',
  Goal: 'not imported yet (listed in notImported)',
  CarePlan: 'agreements are made again with the new practice, not copied',
  Communication: 'not imported yet (listed in notImported)',
  Consent: 'a consent is given to a practice; signed again in the new one',
  DocumentReference: 'signed notes and the ending summary are not imported yet (listed)',
  Provenance: 'signatures of the exporting practice do not transfer',
};

const IMPORT = '/api/v1/clients/import.fhir';

async function exportOf(caller: Caller, clientId: string): Promise<Bundle> {
  const res = await caller.request({ method: 'GET', url: `/api/v1/clients/${clientId}/fhir` });
  expect(res.statusCode).toBe(200);
  return res.json() as Bundle;
}

function post(caller: Caller, payload: unknown, contentType = 'application/fhir+json') {
  return caller.request({
    method: 'POST',
    url: IMPORT,
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    headers: { 'content-type': contentType },
  });
}

const types = (b: Bundle): Set<string> =>
  new Set((b.entry ?? []).map((e) => (e.resource as Resource).resourceType));

async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'users',
    'clients',
    'episodes',
    'episode_phase_changes',
    'appointments',
    'responses',
    'alerts',
  ]) {
    const r = await h.services.db.execute<{ n: string }>(
      sql.raw(`SELECT count(*) AS n FROM ${table}`),
    );
    out[table] = Number(r.rows[0]?.n);
  }
  return out;
}

describe('the round trip: export → import into a fresh practice → export', () => {
  it('carries the same clinical content, and names what it does not import', async () => {
    const first = await exportOf(therapist, record.clientId);
    for (const type of types(first))
      expect(
        ROUND_TRIPPED.includes(type as (typeof ROUND_TRIPPED)[number]) || type in NOT_ROUND_TRIPPED,
        `${type} is neither compared nor listed as not round-tripped`,
      ).toBe(true);

    const res = await post(newTherapist, first);
    expect(res.statusCode, res.body).toBe(201);
    const result = res.json() as {
      clientId: string;
      episodes: number;
      sessions: number;
      responses: number;
      notImported: { resourceType: string; count: number; reason: string }[];
    };
    const count = (type: string) =>
      (first.entry ?? []).filter((e) => e.resource?.resourceType === type).length;
    expect(result).toMatchObject({
      episodes: count('EpisodeOfCare'),
      sessions: count('Appointment'),
      responses: count('QuestionnaireResponse'),
    });
    expect(result.episodes).toBe(2);
    expect(result.responses).toBe(4);
    // Every type not restored is named with its count; the e-mail (an account of the first
    // practice on this same installation) is named too.
    for (const type of Object.keys(NOT_ROUND_TRIPPED))
      expect(result.notImported.find((n) => n.resourceType === type)?.count, type).toBe(
        count(type),
      );
    expect(result.notImported.find((n) => n.resourceType === 'Patient')?.reason).toMatch(/e-mail/);

    const second = await exportOf(newTherapist, result.clientId);
    // On one installation the client's e-mail stays with their first account (addresses sign
    // people in and are unique): compare the Patient without it.
    const withoutEmail = (b: Bundle): Resource[] =>
      normaliseBundle(b).map((r) =>
        r.resourceType === 'Patient'
          ? { ...r, telecom: (r.telecom ?? []).filter((t) => t.system !== 'email') }
          : r,
      );
    const before = withoutEmail(first);
    const after = withoutEmail(second);
    expect(after.map((r) => r.resourceType)).toEqual(before.map((r) => r.resourceType));
    expect(after).toEqual(before);
    // The comparison is not vacuous: it holds every round-tripped type of the realistic record.
    expect(new Set(before.map((r) => r.resourceType))).toEqual(new Set(ROUND_TRIPPED));
  });

  it('re-scores the answers: scores and alerts are the importing installation’s own', async () => {
    const scores = await h.services.db.execute<{ practice_id: string; n: string }>(
      sql`SELECT practice_id, count(*) AS n FROM responses GROUP BY practice_id ORDER BY practice_id`,
    );
    const byPractice = new Map(scores.rows.map((r) => [r.practice_id, Number(r.n)]));
    expect(byPractice.get(h.cast.otherPracticeTherapist.practiceId)).toBe(
      byPractice.get(h.cast.therapist.practiceId),
    );
  });

  it('audits the import with counts only', async () => {
    const rows = await h.services.db.execute<{ detail: Record<string, unknown> }>(
      sql`SELECT detail FROM audit_events WHERE action = 'client.fhir.import' AND outcome = 'success' ORDER BY occurred_at DESC LIMIT 1`,
    );
    const detail = rows.rows[0]?.detail ?? {};
    expect(detail).toMatchObject({ format: 'fhir-r4', episodes: 2, responses: 4 });
    expect(JSON.stringify(detail)).not.toContain('Casey');
  });
});

describe('bad input: a clear 4xx naming what to fix, nothing imported', () => {
  const problem = async (res: Awaited<ReturnType<typeof post>>, status: number) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    return res.json() as { detail: string; errors?: { path: string; message: string }[] };
  };

  it('malformed JSON', async () => {
    const before = await rowCounts();
    const body = await problem(await post(newTherapist, '{"resourceType": "Bundle", '), 400);
    expect(body.detail).toMatch(/not valid JSON/);
    expect(await rowCounts()).toEqual(before);
  });

  it('a bundle that is not a collection', async () => {
    const body = await problem(
      await post(newTherapist, { ...minimalBundle('t'), type: 'transaction' }, 'application/json'),
      400,
    );
    expect(body.detail).toMatch(/type: Expected a "collection" Bundle/);
  });

  it('a resource failing R4 validation is named by entry and field', async () => {
    const bundle = minimalBundle('r4');
    const patient = bundle.entry![0]!.resource as Resource & { birthDate?: string };
    patient.birthDate = 'last spring';
    const body = await problem(await post(newTherapist, bundle), 400);
    expect(body.detail).toContain(`entry[0] (Patient/${patient.id}).`);
    expect(body.detail).toContain('birthDate');
  });

  it('a reference to a resource the bundle does not hold', async () => {
    const bundle = collection([
      ...minimalBundle('ref').entry!.map((e) => e.resource as Resource),
      {
        resourceType: 'Appointment',
        id: '0c7a9d1e-2b3f-4a5c-9d6e-8f7a6b5c4d3e',
        status: 'fulfilled',
        start: '2026-01-05T10:00:00.000Z',
        end: '2026-01-05T10:50:00.000Z',
        participant: [{ actor: { reference: 'Practitioner/not-here' }, status: 'accepted' }],
      },
    ]);
    const body = await problem(await post(newTherapist, bundle), 400);
    expect(body.detail).toContain(
      'entry[1] (Appointment/0c7a9d1e-2b3f-4a5c-9d6e-8f7a6b5c4d3e).participant[0].actor',
    );
    expect(body.detail).toContain('"Practitioner/not-here" names no resource in this bundle');
  });

  it('a client already in the practice (same e-mail) is a 409 naming them', async () => {
    const before = await rowCounts();
    const bundle = await exportOf(therapist, record.clientId);
    const body = await problem(await post(therapist, bundle), 409);
    expect(body.detail).toContain(h.cast.client.email);
    expect(body.detail).toContain('already in this practice');
    expect(await rowCounts()).toEqual(before);
  });

  it('a bundle that fails late (after the client, episodes and sessions are written) leaves zero rows', async () => {
    const before = await rowCounts();
    const bundle = await exportOf(therapist, record.clientId);
    // A questionnaire completed before any episode began: found only when responses are stored.
    const response = bundle.entry!.find(
      (e) => e.resource?.resourceType === 'QuestionnaireResponse',
    )!.resource as Resource & { authored?: string };
    response.authored = '2001-01-01T09:00:00.000Z';
    const body = await problem(await post(newTherapist, bundle), 400);
    expect(body.detail).toContain(`(QuestionnaireResponse/${response.id}).authored`);
    expect(await rowCounts()).toEqual(before);
  });
});
