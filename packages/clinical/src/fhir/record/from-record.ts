import type { Appointment, EpisodeOfCare, Extension, Patient } from '@medplum/fhirtypes';
import { EXTENSIONS, SYSTEMS } from './codes';
import type { ClientFacts, EpisodeFacts, SessionFacts } from './types';

/**
 * The reverse of the relationship mappings, for importing a bundle this project exported
 * (docs/fhir.md, "Import"): plain facts back from a resource already validated against R4.
 * A value the project's own mapping never writes is a `Misread` naming the field.
 */
export type Misread = { field: string; message: string };
export type Read<T> = { ok: true; value: T } | { ok: false; problem: Misread };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = <T>(field: string, message: string): Read<T> => ({
  ok: false,
  problem: { field, message },
});

const ext = (exts: Extension[] | undefined, url: string): Extension | undefined =>
  exts?.find((e) => e.url === url);

const codeIn = (
  concepts: { coding?: { system?: string; code?: string }[] }[] | undefined,
  system: string,
): string | undefined =>
  concepts?.flatMap((c) => c.coding ?? []).find((c) => c.system === system)?.code;

export type PatientRead = Omit<ClientFacts, 'id' | 'therapistId' | 'timeZone'>;

export function fromPatient(patient: Patient): Read<PatientRead> {
  const official = patient.name?.find((n) => n.use === 'official') ?? patient.name?.[0];
  const displayName =
    official?.text ?? [official?.given?.join(' '), official?.family].filter(Boolean).join(' ');
  if (!displayName) return no('name', 'The patient has no name.');
  const usual = patient.name?.find((n) => n.use === 'usual')?.text ?? null;
  const telecom = (system: string) =>
    patient.telecom?.find((t) => t.system === system)?.value ?? null;
  const contact = patient.contact?.[0];
  const contactPhone = contact?.telecom?.find((t) => t.system === 'phone')?.value;
  const emergencyContact =
    contact?.name?.text && contactPhone
      ? {
          name: contact.name.text,
          phone: contactPhone,
          relationship: contact.relationship?.[0]?.text ?? '',
        }
      : null;
  return ok({
    displayName,
    preferredName: usual,
    pronouns: ext(patient.extension, EXTENSIONS.pronouns)?.valueString ?? null,
    dateOfBirth: patient.birthDate ?? null,
    email: telecom('email'),
    phone: telecom('phone'),
    emergencyContact,
  });
}

const PHASES = ['intake', 'active', 'ending', 'aftercare', 'closed'] as const;

export type EpisodeRead = Omit<EpisodeFacts, 'id' | 'therapistId' | 'ending'> & {
  /** How it ended, as exported (kept in the import report: the ending record is not restored). */
  ending: { kind: string; recorded: string } | null;
};

export function fromEpisodeOfCare(episode: EpisodeOfCare): Read<EpisodeRead> {
  const phase = codeIn(episode.type, SYSTEMS.episodePhase);
  const known = PHASES.find((p) => p === phase);
  if (!known) return no('type', `No phase in ${SYSTEMS.episodePhase}.`);
  const title = ext(episode.extension, EXTENSIONS.episodeTitle)?.valueString;
  if (!title) return no('extension', `No title (${EXTENSIONS.episodeTitle}).`);
  if (!episode.period?.start) return no('period.start', 'The episode has no start.');
  const previous = ext(episode.extension, EXTENSIONS.previousEpisode)?.valueReference?.reference;
  const ending = ext(episode.extension, EXTENSIONS.ending);
  const part = (url: string) => ending?.extension?.find((e) => e.url === url);
  return ok({
    phase: known,
    title,
    previousEpisodeId: previous ? previous.replace(/^EpisodeOfCare\//, '') : null,
    openedAt: new Date(episode.period.start),
    closedAt: episode.period.end ? new Date(episode.period.end) : null,
    ending: ending
      ? { kind: part('kind')?.valueCode ?? '', recorded: part('recorded')?.valueDateTime ?? '' }
      : null,
  });
}

const STATUS: Partial<Record<Appointment['status'], SessionFacts['status']>> = {
  booked: 'scheduled',
  fulfilled: 'attended',
  cancelled: 'cancelled',
  noshow: 'no-show',
};

export type SessionRead = Omit<SessionFacts, 'id' | 'episodeId' | 'therapistId'>;

export function fromAppointment(appointment: Appointment): Read<SessionRead> {
  const status = STATUS[appointment.status];
  if (!status)
    return no(
      'status',
      `"${appointment.status}" is not a session status (booked, fulfilled, cancelled, noshow).`,
    );
  if (!appointment.start || !appointment.end)
    return no('start', 'A session needs a start and an end.');
  const kind = codeIn(appointment.serviceType, SYSTEMS.sessionKind) ?? 'treatment';
  const modality =
    codeIn(appointment.appointmentType ? [appointment.appointmentType] : [], SYSTEMS.modality) ??
    'in-person';
  if (kind !== 'treatment' && kind !== 'assessment')
    return no('serviceType', `Unknown session kind "${kind}".`);
  if (modality !== 'in-person' && modality !== 'video' && modality !== 'phone')
    return no('appointmentType', `Unknown modality "${modality}".`);
  const by = appointment.cancelationReason?.text?.match(/by the (client|therapist)/)?.[1];
  return ok({
    status,
    kind,
    modality,
    startsAt: new Date(appointment.start),
    endsAt: new Date(appointment.end),
    location: appointment.comment ?? null,
    cancelledBy: status === 'cancelled' && (by === 'client' || by === 'therapist') ? by : null,
  });
}
