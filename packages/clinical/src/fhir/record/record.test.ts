import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { validateR4 } from '../test-helpers';
import { fromBase64Text } from './base64';
import { toCollectionBundle } from './bundle';
import { toRelapsePreventionPlan, toSharedPlan } from './care-plan';
import { EXTENSIONS } from './codes';
import { toCommunication } from './communication';
import { toConsent, toContactAgreementConsent } from './consent';
import { toEndingSummaryDocument, toNoteDocument } from './document-reference';
import { toEpisodeOfCare } from './episode-of-care';
import { toGoal } from './goal';
import { toOrganization, toPatient, toPractitioner } from './people';
import { toProvenance } from './provenance';
import { toAppointment, toEncounter } from './sessions';
import type { EpisodeFacts, GoalFacts, SessionFacts, SignedNoteFacts } from './types';

const P = '0b6c3d5e-1f2a-4c3b-9d8e-7f6a5b4c3d2e';
const T = '5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716';
const O = '11111111-2222-4333-8444-555555555555';
const E1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const E2 = 'aaaaaaaa-0000-4000-8000-000000000002';
const refs = {
  patient: `Patient/${P}`,
  practitioner: `Practitioner/${T}`,
  organization: `Organization/${O}`,
  episode: `EpisodeOfCare/${E2}`,
};
const at = new Date('2026-03-02T09:30:00.000Z');

const episode = (id: string, over: Partial<EpisodeFacts> = {}): EpisodeFacts => ({
  id,
  therapistId: T,
  phase: 'closed',
  title: 'Music therapy, 2026',
  previousEpisodeId: null,
  openedAt: new Date('2025-01-01T10:00:00Z'),
  closedAt: new Date('2025-06-01T10:00:00Z'),
  ending: { kind: 'planned', recordedAt: new Date('2025-06-01T10:00:00Z') },
  ...over,
});
const SESSION_IDS = { attended: '1', scheduled: '2', cancelled: '3', 'no-show': '4' };
const session = (status: SessionFacts['status']): SessionFacts => ({
  id: `bbbbbbbb-0000-4000-8000-00000000000${SESSION_IDS[status]}`,
  episodeId: E2,
  therapistId: T,
  startsAt: at,
  endsAt: new Date(at.getTime() + 50 * 60_000),
  status,
  modality: 'video',
  kind: 'treatment',
  location: null,
  cancelledBy: status === 'cancelled' ? 'client' : null,
});
const note: SignedNoteFacts = {
  id: 'cccccccc-0000-4000-8000-000000000001',
  episodeId: E2,
  appointmentId: session('attended').id,
  authorId: T,
  template: 'soap',
  body: {
    subjective: 'Slept better.',
    objective: 'Calm.',
    assessment: 'Improving.',
    plan: 'Go on.',
  },
  signedAt: at,
  createdAt: at,
  addenda: [{ id: 'a1', authorId: T, body: 'Corrected the date.', createdAt: at }],
};
const goal: GoalFacts = {
  id: 'dddddddd-0000-4000-8000-000000000001',
  episodeId: E2,
  clientWords: 'Play guitar with friends',
  objectives: ['Practise twice a week'],
  status: 'active',
  createdAt: at,
  createdBy: T,
  therapistWords: 'Social re-engagement',
  gasLevels: {
    '-2': 'Not at all',
    '-1': 'Alone',
    '0': 'With one friend',
    '+1': 'A group',
    '+2': 'On stage',
  },
  weight: 2,
  latestLevel: { level: -1, reviewedAt: at },
};

function everyResource(): Resource[] {
  return [
    toOrganization({ id: O, name: 'Harbour Practice' }),
    toPractitioner({ id: T, name: 'Dr Alex Rivera', email: 'alex@example.org' }),
    toPatient(
      {
        id: P,
        displayName: 'Jordan Casey',
        preferredName: 'Jo',
        pronouns: 'they/them',
        dateOfBirth: '1990-04-12',
        email: 'jo@example.org',
        phone: '+44 20 7946 0000',
        timeZone: 'Europe/London',
        emergencyContact: { name: 'Sam', phone: '+44 20 7946 0001', relationship: 'sibling' },
        therapistId: T,
      },
      refs,
    ),
    toEpisodeOfCare(episode(E1), refs),
    toEpisodeOfCare(
      episode(E2, { phase: 'active', previousEpisodeId: E1, closedAt: null, ending: null }),
      refs,
    ),
    ...(['scheduled', 'attended', 'cancelled', 'no-show'] as const).map((s) =>
      toAppointment(session(s), refs),
    ),
    toEncounter(session('attended'), refs)!,
    toGoal(goal, refs),
    toSharedPlan(
      {
        id: 'eeeeeeee-0000-4000-8000-000000000001',
        episodeId: E2,
        version: 2,
        goalIds: [goal.id],
        sharedBy: T,
        sharedAt: at,
        acknowledgedAt: at,
      },
      { ...refs, replaces: 'CarePlan/eeeeeeee-0000-4000-8000-000000000000' },
    ),
    toRelapsePreventionPlan(
      {
        episodeId: E1,
        planVersion: 1,
        agreedAt: at,
        therapistId: T,
        warningSigns: ['Sleeping badly'],
        triggers: [],
        whatHelps: ['Guitar'],
        whoToContact: ['My sister'],
        crisisPlan: 'Call the line.',
      },
      { ...refs, id: 'ffffffff-0000-4000-8000-000000000001' },
    ),
    toCommunication(
      {
        id: 'm1',
        episodeId: E2,
        senderId: P,
        senderParty: 'client',
        therapistId: T,
        body: 'See you Tuesday',
        sentAt: at,
      },
      refs,
    ),
    toConsent(
      {
        id: 'c1',
        kind: 'supervision',
        documentTitle: 'Supervision',
        documentVersion: 1,
        documentBody: 'I agree…',
        signedName: 'Jordan Casey',
        signedAt: at,
        endedAt: at,
        endedBecause: 'withdrawn',
      },
      refs,
    ),
    toContactAgreementConsent(
      {
        id: 'ca1',
        episodeId: E2,
        version: 1,
        therapistId: T,
        terms: { v: 1, channels: ['messages'] },
        agreedAt: at,
      },
      refs,
    ),
    toNoteDocument(note, refs),
    toEndingSummaryDocument(
      {
        id: 'es1',
        episodeId: E1,
        version: 1,
        savedBy: T,
        savedAt: at,
        sharedAt: at,
        content: { v: 1, words: {} },
        pdf: new Uint8Array([37, 80, 68, 70]),
      },
      { ...refs, episode: `EpisodeOfCare/${E1}` },
    ),
    toProvenance({
      id: 'pv1',
      target: `DocumentReference/${note.id}`,
      signer: refs.practitioner,
      at,
      kind: 'author',
    }),
    toProvenance({
      id: 'pv2',
      target: 'Consent/c1',
      signer: refs.patient,
      at,
      kind: 'consent',
      typedName: 'Jordan Casey',
    }),
  ];
}

describe('relationship export mappings', () => {
  it('every resource type validates against R4 with no issue, alone and in a collection Bundle', () => {
    const resources = everyResource();
    expect(new Set(resources.map((r) => r.resourceType))).toEqual(
      new Set([
        'Organization',
        'Practitioner',
        'Patient',
        'EpisodeOfCare',
        'Appointment',
        'Encounter',
        'Goal',
        'CarePlan',
        'Communication',
        'Consent',
        'DocumentReference',
        'Provenance',
      ]),
    );
    for (const resource of resources)
      expect(validateR4(resource), resource.resourceType).toEqual([]);
    const bundle = toCollectionBundle({ id: 'b1', base: 'https://t.example/fhir/', at, resources });
    expect(validateR4(bundle)).toEqual([]);
    expect(bundle.entry![0]!.fullUrl).toBe(`https://t.example/fhir/Organization/${O}`);
  });

  it('links a return to the episode before it, and only attended sessions become Encounters', () => {
    const second = toEpisodeOfCare(episode(E2, { previousEpisodeId: E1 }), refs);
    expect(second.extension).toContainEqual({
      url: EXTENSIONS.previousEpisode,
      valueReference: { reference: `EpisodeOfCare/${E1}` },
    });
    expect(toEpisodeOfCare(episode(E1), refs).extension!.map((e) => e.url)).not.toContain(
      EXTENSIONS.previousEpisode,
    );
    expect(toEncounter(session('cancelled'), refs)).toBeUndefined();
    expect(toEncounter(session('no-show'), refs)).toBeUndefined();
    expect(toAppointment(session('no-show'), refs).status).toBe('noshow');
  });

  it('a goal carries its GAS scale and newest level; without therapist-only parts, none of them', () => {
    const full = toGoal(goal, refs);
    expect(full.target![0]!.detailCodeableConcept!.text).toBe('With one friend');
    expect(full.extension!.filter((e) => e.url === EXTENSIONS.gasLevel)).toHaveLength(5);
    expect(full.achievementStatus!.coding![0]!.code).toBe('in-progress');
    expect(full.outcomeCode![0]!.coding![0]!.code).toBe('-1');
    const { therapistWords: _t, gasLevels: _g, weight: _w, ...clientSide } = goal;
    const forClient = toGoal(clientSide, refs);
    expect(JSON.stringify(forClient)).not.toContain('Social re-engagement');
    expect(JSON.stringify(forClient)).not.toContain('On stage');
    expect(forClient.target).toBeUndefined();
  });

  it('a signed note keeps its fields and addenda, readable and structured', () => {
    const doc = toNoteDocument(note, refs);
    const [text, json] = doc.content.map((c) => fromBase64Text(c.attachment.data!));
    expect(text).toContain('Slept better.');
    expect(text).toContain('Corrected the date.');
    expect(JSON.parse(json!)).toMatchObject({ template: 'soap', body: note.body });
    expect(doc.context!.encounter).toContainEqual({ reference: `Encounter/${note.appointmentId}` });
  });
});
