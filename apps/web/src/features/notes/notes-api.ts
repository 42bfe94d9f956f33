import type { UseMutationResult } from '@tanstack/react-query';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  Attachment,
  CreateNoteRequest,
  Note,
  NoteBody,
  NoteSaved,
  PsychotherapyCheck,
  PsychotherapyNote,
  Wire,
} from '@throughline/contracts';
import { api, upload } from '../../api/client';
import { ApiError } from '../../api/problem';

const enc = encodeURIComponent;

/** Query keys of this feature; episode-scoped data sits under the episode's key. */
export const noteKeys = {
  note: (id: string) => ['notes', id] as const,
  privateNote: (id: string) => ['psychotherapy-notes', id] as const,
  privacyCheck: (text: string) => ['psychotherapy-notes', 'check', text] as const,
  episode: (episodeId: string) => ['episodes', episodeId] as const,
};

export function createNote(episodeId: string, input: CreateNoteRequest): Promise<Wire<Note>> {
  return api<Wire<Note>>(`/episodes/${enc(episodeId)}/notes`, { method: 'POST', body: input });
}

export function getNote(id: string): Promise<Wire<Note>> {
  return api<Wire<Note>>(`/notes/${enc(id)}`);
}

/** The editor owns the text once loaded: never refetch underneath it. */
export function noteQuery(id: string) {
  return queryOptions({
    queryKey: noteKeys.note(id),
    queryFn: () => getNote(id),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}

export function saveNote(
  id: string,
  input: { version: number; body: Wire<NoteBody> },
  options: { keepalive?: boolean } = {},
): Promise<Wire<NoteSaved>> {
  return api<Wire<NoteSaved>>(`/notes/${enc(id)}`, {
    method: 'PATCH',
    body: input,
    keepalive: options.keepalive,
  });
}

export function signNote(id: string, version: number): Promise<Wire<Note>> {
  return api<Wire<Note>>(`/notes/${enc(id)}/sign`, { method: 'POST', body: { version } });
}

export function addAddendum(id: string, text: string): Promise<Wire<Note>> {
  return api<Wire<Note>>(`/notes/${enc(id)}/addenda`, { method: 'POST', body: { text } });
}

export function uploadAttachment(episodeId: string, file: File): Promise<Wire<Attachment>> {
  return upload<Wire<Attachment>>(`/episodes/${enc(episodeId)}/attachments`, file);
}

export function attachmentUrl(id: string): string {
  return `/api/v1/attachments/${enc(id)}`;
}

export function createPrivateNote(
  episodeId: string,
  input: { body: string; appointmentId?: string },
): Promise<Wire<PsychotherapyNote>> {
  return api<Wire<PsychotherapyNote>>(`/episodes/${enc(episodeId)}/psychotherapy-notes`, {
    method: 'POST',
    body: input,
  });
}

export function getPrivateNote(id: string): Promise<Wire<PsychotherapyNote>> {
  return api<Wire<PsychotherapyNote>>(`/psychotherapy-notes/${enc(id)}`);
}

export function privateNoteQuery(id: string | undefined) {
  return queryOptions({
    queryKey: noteKeys.privateNote(id ?? 'new'),
    queryFn: () => getPrivateNote(id ?? ''),
    enabled: !!id,
    gcTime: 0,
  });
}

export function savePrivateNote(id: string, body: string): Promise<Wire<PsychotherapyNote>> {
  return api<Wire<PsychotherapyNote>>(`/psychotherapy-notes/${enc(id)}`, {
    method: 'PATCH',
    body: { body },
  });
}

export function checkPrivateNote(
  body: string,
  signal?: AbortSignal,
): Promise<Wire<PsychotherapyCheck>> {
  return api<Wire<PsychotherapyCheck>>('/psychotherapy-notes/check', {
    method: 'POST',
    body: { body },
    signal,
  });
}

/** The HIPAA check of a private note's text as it is written (the last answer kept meanwhile). */
export function privacyCheckQuery(text: string) {
  return queryOptions({
    queryKey: noteKeys.privacyCheck(text),
    queryFn: ({ signal }) => checkPrivateNote(text, signal),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Signs after saving what is left (`flush` answers the version it saved, or null): a note is
 * signed at the version the therapist last saw. The episode and the caseload show the new state.
 */
export function useSignNote(
  note: { id: string; episodeId: string },
  flush: () => Promise<number | null>,
  onSigned?: () => void,
): UseMutationResult<Wire<Note>, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const version = await flush();
      if (version === null)
        throw new ApiError(0, null, 'The latest changes are not saved yet; sign once they are.');
      return signNote(note.id, version);
    },
    onSuccess: () => {
      onSigned?.();
      void queryClient.invalidateQueries({ queryKey: noteKeys.note(note.id) });
      void queryClient.invalidateQueries({ queryKey: noteKeys.episode(note.episodeId) });
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
    },
  });
}

export function useAddAddendum(note: {
  id: string;
  episodeId: string;
}): UseMutationResult<Wire<Note>, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => addAddendum(note.id, text),
    onSuccess: (updated) => {
      queryClient.setQueryData(noteKeys.note(note.id), updated);
      void queryClient.invalidateQueries({ queryKey: noteKeys.episode(note.episodeId) });
    },
  });
}

/** Creates the private note on first save, then rewrites it. */
export function useSavePrivateNote(
  noteId: string | undefined,
  episodeId: string | undefined,
): UseMutationResult<Wire<PsychotherapyNote>, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      noteId ? savePrivateNote(noteId, body) : createPrivateNote(episodeId ?? '', { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(noteKeys.privateNote(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: noteKeys.episode(saved.episodeId) });
    },
  });
}

export function useUploadAttachment(
  episodeId: string,
): UseMutationResult<Wire<Attachment>, Error, File> {
  return useMutation({ mutationFn: (file: File) => uploadAttachment(episodeId, file) });
}

/** Drops the cached note and loads it again (after a conflict, to see the latest version). */
export function useReloadNote(id: string): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.resetQueries({ queryKey: noteKeys.note(id) });
}
