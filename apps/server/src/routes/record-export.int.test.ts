import type { Attachment, Bundle, Resource } from '@medplum/fhirtypes';
import { fromBase64Text } from '@throughline/clinical';
import { buildClientBundle } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateR4 } from '../../../../packages/clinical/src/fhir/test-helpers';
import { actingAs } from '../operator';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';
import {
  PRIVATE_PHRASE,
  type RealisticRecord,
  realisticRecord,
  THERAPIST_WORDS,
} from '../testing/record';

// The record export (issue 12) on a real database: a realistic record exported by its therapist
// and by the client, every resource validated against the FHIR R4 definitions.
let h: Harness;
let record: RealisticRecord;
let therapist: Caller;
let client: Caller;

beforeAll(async () => {
  h = await createHarness();
  record = await realisticRecord(h);
  therapist = await signInAs(h.app, h.cast.therapist);
  client = await signInAs(h.app, h.cast.client);
});
afterAll(async () => h?.close());

const resources = (bundle: Bundle): Resource[] => bundle.entry!.map((e) => e.resource!);
const ofType = <T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] =>
  resources(bundle).filter((r): r is T => r.resourceType === type);

/** Every attachment's text, so a check for a phrase looks inside base64 content too. */
function everyText(bundle: Bundle): string {
  const attachments: Attachment[] = [];
  JSON.stringify(bundle, (key, value) => {
    if (key === 'attachment' || key === 'sourceAttachment') attachments.push(value as Attachment);
    return value;
  });
  const decoded = attachments
    .filter((a) => a.data && !a.contentType?.startsWith('application/pdf'))
    .map((a) => fromBase64Text(a.data!));
  return [JSON.stringify(bundle), ...decoded].join('\n');
}

async function exportAs(caller: Caller, url: string): Promise<Bundle> {
  const res = await caller.request({ method: 'GET', url });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('application/fhir+json');
  return res.json() as Bundle;
}

describe('the FHIR R4 export of a relationship', () => {
  it("the therapist's export carries every resource type, each valid R4, and no psychotherapy note", async () => {
    const bundle = await exportAs(therapist, `/api/v1/clients/${record.clientId}/fhir`);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(new Set(resources(bundle).map((r) => r.resourceType))).toEqual(
      new Set([
        'Organization',
        'Practitioner',
        'Patient',
        'EpisodeOfCare',
        'Appointment',
        'Encounter',
        'Goal',
        'CarePlan',
        'Questionnaire',
        'QuestionnaireResponse',
        'Observation',
        'Communication',
        'Consent',
        'DocumentReference',
        'Provenance',
      ]),
    );
    for (const resource of resources(bundle))
      expect(validateR4(resource), `${resource.resourceType}/${resource.id}`).toEqual([]);
    expect(validateR4(bundle)).toEqual([]);
    // Psychotherapy notes are never exported (HIPAA 45 CFR 164.501), not even inside an attachment.
    const text = everyText(bundle);
    expect(text).not.toContain(PRIVATE_PHRASE);
    expect(text).toContain('Sleeping four hours a night.');
    expect(text).toContain('The session lasted 50 minutes, not 45.');
    expect(text).toContain(THERAPIST_WORDS);
  });

  it('links the return to the first episode and keeps sessions, scores, plans and signatures', async () => {
    const bundle = await exportAs(therapist, `/api/v1/clients/${record.clientId}/fhir`);
    const episodes = ofType<import('@medplum/fhirtypes').EpisodeOfCare>(bundle, 'EpisodeOfCare');
    expect(episodes.map((e) => e.id)).toEqual([record.first, record.second]);
    expect(episodes[1]!.extension).toContainEqual(
      expect.objectContaining({ valueReference: { reference: `EpisodeOfCare/${record.first}` } }),
    );
    expect(episodes[0]!.status).toBe('finished');
    const appointments = ofType<import('@medplum/fhirtypes').Appointment>(bundle, 'Appointment');
    expect(appointments.map((a) => a.status).sort()).toEqual([
      'cancelled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(ofType(bundle, 'Encounter')).toHaveLength(3);
    expect(ofType(bundle, 'QuestionnaireResponse')).toHaveLength(4);
    const totals = ofType<import('@medplum/fhirtypes').Observation>(bundle, 'Observation').filter(
      (o) => o.hasMember,
    );
    expect(totals.map((o) => o.code.coding![0]!.code).sort()).toEqual([
      '44261-6',
      '44261-6',
      '70274-6',
      '70274-6',
    ]);
    const plans = ofType<import('@medplum/fhirtypes').CarePlan>(bundle, 'CarePlan');
    expect(plans.map((p) => p.category![0]!.coding![0]!.code).sort()).toEqual([
      'relapse-prevention',
      'shared-plan',
    ]);
    const goal = ofType<import('@medplum/fhirtypes').Goal>(bundle, 'Goal')[0]!;
    expect(goal.outcomeCode![0]!.coding![0]!.code).toBe('1');
    const docs = ofType<import('@medplum/fhirtypes').DocumentReference>(
      bundle,
      'DocumentReference',
    );
    const summary = docs.find((d) => d.type!.coding![0]!.code === '18842-5')!;
    const pdf = summary.content.find((c) => c.attachment.contentType === 'application/pdf')!;
    expect(Buffer.from(pdf.attachment.data!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(docs.filter((d) => d.type!.coding![0]!.code === '11506-3')).toHaveLength(2);
    const signed = ofType<import('@medplum/fhirtypes').Provenance>(bundle, 'Provenance').map(
      (p) => p.target[0]!.reference,
    );
    for (const d of docs.filter((x) => x.type!.coding![0]!.code === '11506-3'))
      expect(signed).toContain(`DocumentReference/${d.id}`);
    expect(ofType(bundle, 'Communication')).toHaveLength(2);
    expect(ofType(bundle, 'Consent')).toHaveLength(2);
  });

  it("the client's own copy leaves out therapist-only fields and is audited in their name", async () => {
    const bundle = await exportAs(client, '/api/v1/portal/export.fhir.json');
    expect(ofType(bundle, 'Patient')[0]!.id).toBe(record.clientId);
    const text = everyText(bundle);
    expect(text).not.toContain(THERAPIST_WORDS);
    expect(text).not.toContain(PRIVATE_PHRASE);
    expect(text).toContain('Sleep through most nights');
    for (const resource of resources(bundle)) expect(validateR4(resource)).toEqual([]);
    const audit = await h.services.db.execute<{ action: string; subject_client_id: string }>(
      sql`SELECT action, subject_client_id FROM audit_events
          WHERE action IN ('client.fhir.export', 'portal.fhir.export') AND outcome = 'success'`,
    );
    expect(audit.rows.map((r) => r.action).sort()).toEqual(
      expect.arrayContaining(['client.fhir.export', 'portal.fhir.export']),
    );
    for (const row of audit.rows) expect(row.subject_client_id).toBe(record.clientId);
  });

  it('another therapist, a supervisor and another client are answered 404, and audited as denied', async () => {
    const url = `/api/v1/clients/${record.clientId}/fhir`;
    for (const person of [h.cast.otherTherapist, h.cast.supervisor, h.cast.otherClient]) {
      const caller = await signInAs(h.app, person);
      const res = await caller.request({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const other = await exportAs(
      await signInAs(h.app, h.cast.otherClient),
      '/api/v1/portal/export.fhir.json',
    );
    expect(JSON.stringify(other)).not.toContain(record.clientId);
    const denied = await h.services.db.execute<{ n: string }>(
      sql`SELECT count(*) AS n FROM audit_events WHERE action = 'client.fhir.export' AND outcome = 'denied'`,
    );
    expect(Number(denied.rows[0]!.n)).toBeGreaterThanOrEqual(3);
  });

  it('a scope narrows the export to named episodes and parts (what a handover reuses)', async () => {
    const { therapist: t } = h.cast;
    const ctx = actingAs(h.services, { id: t.userId, practiceId: t.practiceId, role: 'therapist' });
    const bundle = await buildClientBundle(ctx, record.clientId, {
      scope: { audience: 'therapist', episodeIds: [record.second], parts: ['notes'] },
    });
    expect(ofType(bundle, 'EpisodeOfCare').map((e) => e.id)).toEqual([record.second]);
    const types = new Set(resources(bundle).map((r) => r.resourceType));
    expect(types).toEqual(
      new Set([
        'Organization',
        'Practitioner',
        'Patient',
        'EpisodeOfCare',
        'DocumentReference',
        'Provenance',
      ]),
    );
    expect(ofType(bundle, 'DocumentReference')).toHaveLength(1);
    expect(everyText(bundle)).not.toContain('Sleeping four hours a night.');
  });
});
