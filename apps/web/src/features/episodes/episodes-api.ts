import type { UseMutationResult } from '@tanstack/react-query';
import type {
  Appointment,
  AppointmentChange,
  AppointmentChanged,
  AppointmentsCreated,
  ChangePhaseInput,
  CreateAppointmentsInput,
  CreateNoteRequest,
  EpisodeDetail,
  Homework as HomeworkContract,
  Note,
  NoteListItem,
  PsychotherapyNoteSummary,
  Thread as ThreadContract,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';
import { type MutationCallbacks, useFeatureMutation } from '../../api/mutation';
import { caseloadKeys } from '../caseload/caseload-api';
import { createNote } from '../notes/notes-api';

// The clinical modules' shapes, as JSON (their contracts live in @throughline/contracts).
type Homework = Wire<HomeworkContract>;
type NoteSummary = Wire<NoteListItem>;
type PsychotherapyNote = Wire<PsychotherapyNoteSummary>;
type Thread = Wire<ThreadContract>;

const enc = encodeURIComponent;

/** Every query about an episode starts with ['episodes', id], so one prefix refreshes them all. */
export const episodeKeys = {
  all: ['episodes'] as const,
  byClient: (clientId: string) => ['episodes', { clientId }] as const,
  detail: (id: string) => ['episodes', id] as const,
  appointments: (id: string) => ['episodes', id, 'appointments'] as const,
  notes: (id: string) => ['episodes', id, 'notes'] as const,
  threads: (id: string) => ['episodes', id, 'threads'] as const,
  homework: (id: string) => ['episodes', id, 'homework'] as const,
  privateNotes: (id: string) => ['episodes', id, 'psychotherapy-notes'] as const,
};

/** Kept for the notes feature, which reads open threads by this key. */
export const threadsKey = episodeKeys.threads;

type Items<T> = { items: T[] };

export function getEpisode(id: string): Promise<Wire<EpisodeDetail>> {
  return api<Wire<EpisodeDetail>>(`/episodes/${enc(id)}`);
}

export function changePhase(id: string, input: ChangePhaseInput): Promise<Wire<EpisodeDetail>> {
  return api<Wire<EpisodeDetail>>(`/episodes/${enc(id)}/phase`, { method: 'POST', body: input });
}

export function listAppointments(id: string): Promise<Wire<Items<Appointment>>> {
  return api<Wire<Items<Appointment>>>(`/episodes/${enc(id)}/appointments`);
}

export function createAppointments(
  id: string,
  input: CreateAppointmentsInput,
): Promise<Wire<AppointmentsCreated>> {
  return api<Wire<AppointmentsCreated>>(`/episodes/${enc(id)}/appointments`, {
    method: 'POST',
    body: input,
  });
}

export function changeAppointment(
  id: string,
  change: AppointmentChange,
): Promise<Wire<AppointmentChanged>> {
  return api<Wire<AppointmentChanged>>(`/appointments/${enc(id)}`, {
    method: 'PATCH',
    body: change,
  });
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

// Hooks: each says what it changes in the cache.

/** A phase shows in the episode, the client's episode list and the caseload. */
export function useChangePhase(
  episodeId: string,
  callbacks: MutationCallbacks<Wire<EpisodeDetail>, ChangePhaseInput>,
): UseMutationResult<Wire<EpisodeDetail>, Error, ChangePhaseInput> {
  return useFeatureMutation(
    (input: ChangePhaseInput) => changePhase(episodeId, input),
    (queryClient, detail) => {
      queryClient.setQueryData(episodeKeys.detail(episodeId), detail);
      void queryClient.invalidateQueries({ queryKey: episodeKeys.all });
      void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
    },
    callbacks,
  );
}

export function useScheduleAppointments(
  episodeId: string,
  callbacks: MutationCallbacks<Wire<AppointmentsCreated>, CreateAppointmentsInput>,
): UseMutationResult<Wire<AppointmentsCreated>, Error, CreateAppointmentsInput> {
  return useFeatureMutation(
    (input: CreateAppointmentsInput) => createAppointments(episodeId, input),
    (queryClient) => {
      void queryClient.invalidateQueries({ queryKey: episodeKeys.appointments(episodeId) });
      void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
    },
    callbacks,
  );
}

export type AppointmentChangeInput = { id: string; change: AppointmentChange };

/** A session's change reaches the episode's notes and brief (attended counts) and the caseload. */
export function useChangeAppointment(
  callbacks: MutationCallbacks<Wire<AppointmentChanged>, AppointmentChangeInput>,
): UseMutationResult<Wire<AppointmentChanged>, Error, AppointmentChangeInput> {
  return useFeatureMutation(
    (input: AppointmentChangeInput) => changeAppointment(input.id, input.change),
    (queryClient) => {
      void queryClient.invalidateQueries({ queryKey: episodeKeys.all });
      void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
    },
    callbacks,
  );
}

/** A new draft joins the episode's notes (and the caseload's unsigned count). */
export function useStartNote(
  episodeId: string,
  callbacks: MutationCallbacks<Wire<Note>, CreateNoteRequest>,
): UseMutationResult<Wire<Note>, Error, CreateNoteRequest> {
  return useFeatureMutation(
    (input: CreateNoteRequest) => createNote(episodeId, input),
    (queryClient) => {
      void queryClient.invalidateQueries({ queryKey: episodeKeys.notes(episodeId) });
      void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
    },
    callbacks,
  );
}
