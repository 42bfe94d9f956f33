import type * as C from '@throughline/contracts';
import type {
  Appointment,
  AppointmentChange,
  AppointmentInput,
  AppointmentsCreated,
  Episode,
  Phase,
} from '../../api/care-types';
import { api } from '../../api/client';

// The clinical modules' shapes, as JSON (their contracts live in @throughline/contracts).
type Homework = C.Wire<C.Homework>;
type NoteSummary = C.Wire<C.NoteSummary>;
type PsychotherapyNote = C.Wire<C.PsychotherapyNoteSummary>;
type Thread = C.Wire<C.Thread>;

const enc = encodeURIComponent;

export const episodeKey = (id: string) => ['episodes', id] as const;
export const appointmentsKey = (id: string) => ['episodes', id, 'appointments'] as const;
export const notesKey = (id: string) => ['episodes', id, 'notes'] as const;
export const threadsKey = (id: string) => ['episodes', id, 'threads'] as const;
export const homeworkKey = (id: string) => ['episodes', id, 'homework'] as const;
export const privateNotesKey = (id: string) => ['episodes', id, 'psychotherapy-notes'] as const;

type Items<T> = { items: T[] };

export function getEpisode(id: string): Promise<Episode> {
  return api<Episode>(`/episodes/${enc(id)}`);
}

export function changePhase(id: string, input: { to: Phase; reason: string }): Promise<Episode> {
  return api<Episode>(`/episodes/${enc(id)}/phase`, { method: 'POST', body: input });
}

export function listAppointments(id: string): Promise<Items<Appointment>> {
  return api<Items<Appointment>>(`/episodes/${enc(id)}/appointments`);
}

export function createAppointments(
  id: string,
  input: AppointmentInput,
): Promise<AppointmentsCreated> {
  return api(`/episodes/${enc(id)}/appointments`, { method: 'POST', body: input });
}

export function changeAppointment(id: string, change: AppointmentChange): Promise<unknown> {
  return api(`/appointments/${enc(id)}`, { method: 'PATCH', body: change });
}

export function listNotes(id: string): Promise<Items<NoteSummary>> {
  return api<Items<NoteSummary>>(`/episodes/${enc(id)}/notes`);
}

export function listOpenThreads(id: string): Promise<Items<Thread>> {
  return api<Items<Thread>>(`/episodes/${enc(id)}/threads?status=open`);
}

export function listHomework(id: string): Promise<Items<Homework>> {
  return api<Items<Homework>>(`/episodes/${enc(id)}/homework`);
}

export function listPrivateNotes(id: string): Promise<Items<PsychotherapyNote>> {
  return api<Items<PsychotherapyNote>>(`/episodes/${enc(id)}/psychotherapy-notes`);
}
