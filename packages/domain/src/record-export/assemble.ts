import type { Bundle, Resource } from '@medplum/fhirtypes';
import {
  findInstrument,
  scoreAnswers,
  toAppointment,
  toCollectionBundle,
  toCommunication,
  toConsent,
  toContactAgreementConsent,
  toEncounter,
  toEndingSummaryDocument,
  toEpisodeOfCare,
  toGoal,
  toNoteDocument,
  toObservations,
  toOrganization,
  toPatient,
  toPractitioner,
  toProvenance,
  toQuestionnaire,
  toQuestionnaireResponse,
  toRelapsePreventionPlan,
  toSharedPlan,
} from '@throughline/clinical';
import type { RecordFacts } from './gather';

export type Assembly = {
  bundleId: string;
  base: string;
  at: Date;
  /** The ending summaries' PDFs by summary id (rendered by the app, which owns the renderer). */
  pdfs: ReadonlyMap<string, Uint8Array>;
};

/**
 * The record as FHIR R4 resources in a `collection` Bundle (docs/fhir.md, "Relationship export"):
 * who (Organization, Practitioners, Patient), the episodes, then each episode's sessions, plans
 * and goals, questionnaires and scores, messages, consents and documents with the Provenance of
 * their signatures. Pure apart from the facts it is given.
 */
export function assembleBundle(facts: RecordFacts, a: Assembly): Bundle {
  const organization = `Organization/${facts.practice.id}`;
  const patient = `Patient/${facts.client.id}`;
  const practitionerOf = (id: string): string => `Practitioner/${id}`;
  const episodeRef = (id: string): string => `EpisodeOfCare/${id}`;
  const therapistOf = new Map(facts.episodes.map((e) => [e.id, e.therapistId]));
  const resources: Resource[] = [
    toOrganization(facts.practice),
    ...facts.practitioners.map((p) => toPractitioner({ ...p, email: null })),
    toPatient(facts.client, {
      organization,
      practitioner: practitionerOf(facts.client.therapistId),
    }),
    ...facts.episodes.map((e) =>
      toEpisodeOfCare(e, { patient, organization, practitioner: practitionerOf(e.therapistId) }),
    ),
  ];
  for (const s of facts.sessions) {
    const refs = { patient, practitioner: practitionerOf(s.therapistId) };
    resources.push(toAppointment(s, refs));
    const encounter = toEncounter(s, { ...refs, episode: episodeRef(s.episodeId) });
    if (encounter) resources.push(encounter);
  }
  for (const g of facts.goals)
    resources.push(
      toGoal(g, { patient, practitioner: practitionerOf(therapistOf.get(g.episodeId) ?? '') }),
    );
  let previousPlan: { episodeId: string; id: string } | undefined;
  for (const p of facts.plans) {
    const replaces =
      previousPlan?.episodeId === p.episodeId ? `CarePlan/${previousPlan.id}` : undefined;
    resources.push(
      toSharedPlan(p, {
        patient,
        episode: episodeRef(p.episodeId),
        practitioner: practitionerOf(p.sharedBy),
        ...(replaces ? { replaces } : {}),
      }),
    );
    previousPlan = p;
  }
  for (const r of facts.relapsePrevention)
    resources.push(
      toRelapsePreventionPlan(
        { ...r, ...r.terms },
        {
          id: `${r.episodeId}-relapse-prevention`,
          patient,
          episode: episodeRef(r.episodeId),
          practitioner: practitionerOf(r.therapistId),
        },
      ),
    );
  resources.push(...scoreResources(facts, patient));
  for (const m of facts.messages)
    resources.push(
      toCommunication(
        { ...m, therapistId: therapistOf.get(m.episodeId) ?? m.senderId },
        { patient, episode: episodeRef(m.episodeId) },
      ),
    );
  for (const c of facts.consents) {
    resources.push(toConsent(c, { patient, organization }));
    resources.push(
      toProvenance({
        id: `${c.id}-signature`,
        target: `Consent/${c.id}`,
        signer: patient,
        at: c.signedAt,
        kind: 'consent',
        typedName: c.signedName,
      }),
    );
  }
  for (const c of facts.contactAgreements)
    resources.push(
      toContactAgreementConsent(c, {
        patient,
        organization,
        practitioner: practitionerOf(c.therapistId),
      }),
    );
  for (const n of facts.notes) {
    resources.push(toNoteDocument(n, { patient, episode: episodeRef(n.episodeId) }));
    resources.push(
      toProvenance({
        id: `${n.id}-signature`,
        target: `DocumentReference/${n.id}`,
        signer: practitionerOf(n.authorId),
        at: n.signedAt,
        kind: 'author',
      }),
    );
  }
  for (const s of facts.summaries)
    resources.push(
      toEndingSummaryDocument(
        { ...s, content: s.content, pdf: a.pdfs.get(s.id) ?? null },
        { patient, episode: episodeRef(s.episodeId) },
      ),
    );
  return toCollectionBundle({ id: a.bundleId, base: a.base, at: a.at, resources });
}

/**
 * Each completed questionnaire as its QuestionnaireResponse and score Observations, re-scored from
 * the answers (a drifted stored score never travels), and each instrument's Questionnaire once.
 * A response of an instrument this installation does not ship is left out (custom instruments
 * export their own Questionnaire once they exist).
 */
function scoreResources(facts: RecordFacts, patient: string): Resource[] {
  const questionnaires = new Map<string, Resource>();
  const out: Resource[] = [];
  for (const r of facts.responses) {
    const definition = findInstrument(r.instrument);
    if (!definition) continue;
    const scored = scoreAnswers(r.instrument, r.answers);
    if (!scored.ok) continue;
    questionnaires.set(definition.key, toQuestionnaire(definition));
    const authorRef = r.onBehalf ? `Practitioner/${r.enteredBy}` : patient;
    const common = {
      definition,
      answers: r.answers,
      completedAt: r.completedAt.toISOString(),
      patientRef: patient,
      authorRef,
    };
    out.push(toQuestionnaireResponse({ ...common, id: r.id }));
    const { total, members } = toObservations({
      ...common,
      score: scored.result,
      responseId: r.id,
      id: `${r.id}-score`,
    });
    out.push(total, ...members);
  }
  return [...questionnaires.values(), ...out];
}
