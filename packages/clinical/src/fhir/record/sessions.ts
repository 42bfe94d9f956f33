import type { Appointment, Encounter } from '@medplum/fhirtypes';
import { concept, identifierSystem, instant, SYSTEMS } from './codes';
import type { SessionFacts } from './types';

const APPOINTMENT_STATUS: Record<SessionFacts['status'], Appointment['status']> = {
  scheduled: 'booked',
  attended: 'fulfilled',
  cancelled: 'cancelled',
  'no-show': 'noshow',
};

/** HL7 v3 ActCode: an in-person session is ambulatory; video and phone are virtual. */
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

type SessionRefs = { patient: string; practitioner: string };

/** Every session as an Appointment, whatever became of it (a cancellation is part of the record). */
export function toAppointment(session: SessionFacts, refs: SessionRefs): Appointment {
  return {
    resourceType: 'Appointment',
    id: session.id,
    identifier: [{ system: identifierSystem('appointment'), value: session.id }],
    status: APPOINTMENT_STATUS[session.status],
    ...(session.status === 'cancelled' && session.cancelledBy
      ? { cancelationReason: { text: `Cancelled by the ${session.cancelledBy}` } }
      : {}),
    serviceType: [concept(SYSTEMS.sessionKind, session.kind)],
    appointmentType: concept(SYSTEMS.modality, session.modality),
    start: instant(session.startsAt),
    end: instant(session.endsAt),
    minutesDuration: Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000),
    ...(session.location ? { comment: session.location } : {}),
    participant: [
      { actor: { reference: refs.patient }, required: 'required', status: 'accepted' },
      { actor: { reference: refs.practitioner }, required: 'required', status: 'accepted' },
    ],
  };
}

/**
 * An attended session is also an Encounter (the care that took place), pointing at its
 * Appointment and its EpisodeOfCare; sessions that did not happen have none.
 */
export function toEncounter(
  session: SessionFacts,
  refs: SessionRefs & { episode: string },
): Encounter | undefined {
  if (session.status !== 'attended') return undefined;
  const virtual = session.modality !== 'in-person';
  return {
    resourceType: 'Encounter',
    id: session.id,
    identifier: [{ system: identifierSystem('appointment'), value: session.id }],
    status: 'finished',
    class: virtual
      ? { system: ACT_CODE, code: 'VR', display: 'virtual' }
      : { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
    type: [concept(SYSTEMS.sessionKind, session.kind)],
    subject: { reference: refs.patient },
    episodeOfCare: [{ reference: refs.episode }],
    participant: [{ individual: { reference: refs.practitioner } }],
    appointment: [{ reference: `Appointment/${session.id}` }],
    period: { start: instant(session.startsAt), end: instant(session.endsAt) },
  };
}
