import type {
  Appointment,
  Encounter,
  EpisodeOfCare,
  Patient,
  QuestionnaireResponse,
} from '@medplum/fhirtypes';
import {
  type EpisodeRead,
  fromAppointment,
  fromEpisodeOfCare,
  fromPatient,
  fromQuestionnaireResponse,
  type Read,
  scoreAnswers,
} from '@throughline/clinical';
import { type AccessContext, type EpisodeStep, perform } from '../access';
import { insertSessionsFromRecord, practiceTimeZone } from '../appointments';
import { insertImportedClient } from '../clients';
import { insertEpisodeFromRecord } from '../episodes';
import { findUserByEmail } from '../identity';
import { readMeasureSettings, storeScoredResponse } from '../measures';
import { AppError } from '../shared/errors';
import { NOT_IMPORTED, type NotImported } from './not-imported';
import { type Entry, named, readBundle, refuse } from './read-bundle';

export type RecordImportResult = {
  clientId: string;
  episodes: number;
  sessions: number;
  responses: number;
  /** What the bundle held that was not restored, per resource type, with why. */
  notImported: NotImported[];
};

const TARGET = { resourceType: 'client-import', what: 'import' };

function must<T>(entry: Entry, read: Read<T>): T {
  if (!read.ok) throw refuse(entry, read.problem.field, read.problem.message);
  return read.value;
}

const ofType = <T>(entries: Entry[], type: string): (Entry & { resource: T })[] =>
  entries.filter((e) => e.resource.resourceType === type) as (Entry & { resource: T })[];

/** Returns after the episodes they follow, so a previous episode always exists first. */
function inChainOrder(
  episodes: { entry: Entry; read: EpisodeRead }[],
): { entry: Entry; read: EpisodeRead }[] {
  const byId = new Map(episodes.map((e) => [e.entry.resource.id, e]));
  const out: typeof episodes = [];
  const seen = new Set<string>();
  const visit = (e: (typeof episodes)[number], trail: Set<string>): void => {
    const id = e.entry.resource.id ?? '';
    if (seen.has(id)) return;
    if (trail.has(id))
      throw refuse(e.entry, 'extension', 'The previous-episode links form a loop.');
    trail.add(id);
    const previous = e.read.previousEpisodeId ? byId.get(e.read.previousEpisodeId) : undefined;
    if (previous) visit(previous, trail);
    seen.add(id);
    out.push(e);
  };
  for (const e of [...episodes].sort(
    (a, b) => a.read.openedAt.getTime() - b.read.openedAt.getTime(),
  ))
    visit(e, new Set());
  return out;
}

/**
 * Imports one client's relationship bundle, as this project exports it (docs/fhir.md, "Import"),
 * into the importing therapist's caseload — all or nothing, in one transaction. Restored: the
 * client (Patient), the episodes (EpisodeOfCare, the return linked to the episode before it),
 * every session (Appointment; an Encounter must point at an attended one), and each completed
 * questionnaire (QuestionnaireResponse), re-scored by the clinical core so scores and alerts are
 * this installation's own. Everything else is named in `notImported` with the reason. A bundle
 * that is not a valid collection is refused naming the entry and field; a client whose e-mail is
 * already in the practice is a 409. Audited with counts only.
 */
export function importClientBundle(ctx: AccessContext, body: unknown): Promise<RecordImportResult> {
  return perform(ctx, 'client.fhir.import', TARGET, async (tx, step) => {
    const { actor } = step;
    const entries = readBundle(body);
    const counted = new Map<string, number>();
    for (const e of entries)
      counted.set(e.resource.resourceType, (counted.get(e.resource.resourceType) ?? 0) + 1);
    const unknown = [...counted.keys()].filter((t) => !(t in NOT_IMPORTED) && !RESTORED.has(t));
    if (unknown.length > 0) {
      const entry = entries.find((e) => e.resource.resourceType === unknown[0]);
      throw refuse(entry, 'resourceType', `A relationship bundle holds no ${unknown[0]}.`);
    }
    const patients = ofType<Patient>(entries, 'Patient');
    const [patientEntry] = patients;
    if (!patientEntry || patients.length > 1)
      throw refuse(
        undefined,
        'entry',
        `A relationship bundle holds exactly one Patient (found ${patients.length}).`,
      );
    const patient = must(patientEntry, fromPatient(patientEntry.resource));
    const episodes = ofType<EpisodeOfCare>(entries, 'EpisodeOfCare').map((entry) => ({
      entry,
      read: must(entry, fromEpisodeOfCare(entry.resource)),
    }));
    const open = episodes.filter((e) => e.read.phase !== 'closed');
    if (open.length > 1)
      throw refuse(open[1]?.entry, 'type', 'Only one episode of a client can be open at a time.');
    const sessions = ofType<Appointment>(entries, 'Appointment').map((entry) => ({
      entry,
      read: must(entry, fromAppointment(entry.resource)),
    }));
    const encounters = ofType<Encounter>(entries, 'Encounter');
    const responses = ofType<QuestionnaireResponse>(entries, 'QuestionnaireResponse').map(
      (entry) => {
        const read = fromQuestionnaireResponse(entry.resource);
        if (!read.ok) throw refuse(entry, read.field, read.message);
        const scored = scoreAnswers(read.definition.key, read.answers);
        if (!scored.ok) throw refuse(entry, 'item', `The answers do not score (${scored.reason}).`);
        if (!entry.resource.authored) throw refuse(entry, 'authored', 'When was it completed?');
        return {
          entry,
          answers: read.answers,
          result: scored.result,
          at: new Date(entry.resource.authored),
        };
      },
    );

    // Which episode each session belongs to: the Encounter of an attended one names it; any
    // other falls in the episode whose period holds its start (episodes of one client and one
    // therapist never overlap).
    const episodeOfEncounter = new Map<string, string>();
    for (const e of encounters) {
      const appointment = e.resource.appointment?.[0]?.reference;
      const episode = e.resource.episodeOfCare?.[0]?.reference;
      if (!appointment?.startsWith('Appointment/'))
        throw refuse(e, 'appointment', 'An Encounter must name the Appointment it took place at.');
      if (episode) episodeOfEncounter.set(appointment, episode.replace(/^EpisodeOfCare\//, ''));
    }
    const holding = (at: Date): string | undefined =>
      episodes.find(
        (e) => e.read.openedAt <= at && (e.read.closedAt === null || at <= e.read.closedAt),
      )?.entry.resource.id;
    const episodeOf = (entry: Entry, at: Date): string => {
      const id = episodeOfEncounter.get(entry.key) ?? holding(at);
      if (!id) throw refuse(entry, 'start', 'Falls in none of the bundle’s episodes.');
      return id;
    };
    const sessionEpisode = sessions.map((s) => episodeOf(s.entry, s.read.startsAt));

    if (patient.email) {
      const existing = await findUserByEmail(tx, patient.email);
      if (existing && existing.practiceId === actor.practiceId)
        throw new AppError(
          'CONFLICT',
          `${named(patientEntry)}: ${patient.displayName} <${patient.email}> is already in this practice. Nothing was imported.`,
          [
            {
              path: `${named(patientEntry)}.telecom`,
              message: 'This e-mail is already in the practice.',
            },
          ],
        );
    }
    const notImported: NotImported[] = [];
    let email = patient.email;
    if (email && (await findUserByEmail(tx, email))) {
      // E-mail addresses are unique across the installation (they sign people in).
      email = null;
      notImported.push({
        resourceType: 'Patient',
        count: 1,
        reason:
          'The e-mail address belongs to an account elsewhere on this installation; the client was imported without one (set it when inviting them).',
      });
    }
    const clientId = await insertImportedClient(tx, ctx, actor, {
      displayName: patient.displayName,
      email,
      preferredName: patient.preferredName,
      pronouns: patient.pronouns,
      dateOfBirth: patient.dateOfBirth,
      phone: patient.phone,
      emergencyContact: patient.emergencyContact,
      timeZone: await practiceTimeZone(tx, actor.practiceId),
    });
    step.about({ clientId });

    const now = ctx.services.now();
    const episodeIds = new Map<string, string>();
    const episodeRows = new Map<string, Awaited<ReturnType<typeof insertEpisodeFromRecord>>>();
    let endings = 0;
    for (const { entry, read } of inChainOrder(episodes)) {
      const previous = read.previousEpisodeId ? episodeIds.get(read.previousEpisodeId) : null;
      if (read.previousEpisodeId && !previous)
        throw refuse(entry, 'extension', 'The previous episode is not in this bundle.');
      const row = await insertEpisodeFromRecord(tx, ctx, actor, {
        clientId,
        phase: read.phase,
        title: read.title,
        previousEpisodeId: previous ?? null,
        openedAt: read.openedAt,
        closedAt: read.closedAt,
      });
      if (read.ending) endings += 1;
      episodeIds.set(entry.resource.id ?? '', row.id);
      episodeRows.set(row.id, row);
    }
    if (endings > 0)
      notImported.push({
        resourceType: 'EpisodeOfCare',
        count: endings,
        reason:
          'How an episode ended (the episode-ending extension) is not restored: the ending is recorded again by its therapist.',
      });

    const byEpisode = new Map<string, { index: number }[]>();
    sessions.forEach((_, index) => {
      const id = episodeIds.get(sessionEpisode[index] ?? '') ?? '';
      byEpisode.set(id, [...(byEpisode.get(id) ?? []), { index }]);
    });
    for (const [episodeId, list] of byEpisode)
      await insertSessionsFromRecord(
        tx,
        ctx,
        { practiceId: actor.practiceId, episodeId, therapistId: actor.userId, recordedAt: now },
        list.map((l) => sessions[l.index]!.read),
      );

    const settings = await readMeasureSettings(tx, actor.practiceId);
    const order = responses.map((r) => ({ r })).sort((a, b) => a.r.at.getTime() - b.r.at.getTime());
    for (const { r } of order) {
      // Resolved here, after the client, episodes and sessions are written: a response outside
      // every episode fails late, and the transaction leaves nothing behind.
      const episode = episodeRows.get(episodeIds.get(holding(r.at) ?? '') ?? '');
      if (!episode) throw refuse(r.entry, 'authored', 'Falls in none of the bundle’s episodes.');
      const episodeStep: EpisodeStep = { ...step, episode, as: 'therapist' };
      await storeScoredResponse(tx, ctx, episodeStep, {
        input: { episodeId: episode.id, answers: r.answers, completedAt: r.at },
        result: r.result,
        settings,
      });
    }

    for (const [resourceType, reason] of Object.entries(NOT_IMPORTED)) {
      const count = counted.get(resourceType) ?? 0;
      if (count > 0) notImported.push({ resourceType, count, reason });
    }
    const result: RecordImportResult = {
      clientId,
      episodes: episodes.length,
      sessions: sessions.length,
      responses: responses.length,
      notImported,
    };
    step.audit({
      resourceType: 'client',
      resourceId: clientId,
      detail: {
        format: 'fhir-r4',
        resources: entries.length,
        episodes: result.episodes,
        sessions: result.sessions,
        responses: result.responses,
        notImported: notImported.reduce((n, x) => n + x.count, 0),
      },
    });
    return result;
  });
}

const RESTORED = new Set([
  'Patient',
  'EpisodeOfCare',
  'Appointment',
  'Encounter',
  'QuestionnaireResponse',
]);
