import { api, upload } from '../../api/client';
import type {
  Attachment,
  Note,
  NoteBody,
  NoteTemplate,
  PrivacyWarning,
  PsychotherapyNote,
} from '../../api/note-types';

const enc = encodeURIComponent;

export const noteKey = (id: string) => ['notes', id] as const;
export const privateNoteKey = (id: string) => ['psychotherapy-notes', id] as const;

export function createNote(
  episodeId: string,
  input: { template: NoteTemplate; appointmentId?: string; body: NoteBody },
): Promise<{ id: string; version: number }> {
  return api(`/episodes/${enc(episodeId)}/notes`, { method: 'POST', body: input });
}

export function getNote(id: string): Promise<Note> {
  return api<Note>(`/notes/${enc(id)}`);
}

export function saveNote(id: string, input: { version: number; body: NoteBody }): Promise<Note> {
  return api<Note>(`/notes/${enc(id)}`, { method: 'PATCH', body: input });
}

export function signNote(id: string, version: number): Promise<Note> {
  return api<Note>(`/notes/${enc(id)}/sign`, { method: 'POST', body: { version } });
}

export function addAddendum(id: string, text: string): Promise<unknown> {
  return api(`/notes/${enc(id)}/addenda`, { method: 'POST', body: { text } });
}

export function uploadAttachment(episodeId: string, file: File): Promise<Attachment> {
  return upload<Attachment>(`/episodes/${enc(episodeId)}/attachments`, file);
}

export function attachmentUrl(id: string): string {
  return `/api/v1/attachments/${enc(id)}`;
}

export function createPrivateNote(
  episodeId: string,
  input: { body: string; appointmentId?: string },
): Promise<{ id: string; warnings: PrivacyWarning[] }> {
  return api(`/episodes/${enc(episodeId)}/psychotherapy-notes`, { method: 'POST', body: input });
}

export function getPrivateNote(id: string): Promise<PsychotherapyNote> {
  return api<PsychotherapyNote>(`/psychotherapy-notes/${enc(id)}`);
}

export function savePrivateNote(id: string, body: string): Promise<PsychotherapyNote> {
  return api<PsychotherapyNote>(`/psychotherapy-notes/${enc(id)}`, {
    method: 'PATCH',
    body: { body },
  });
}

export function checkPrivateNote(
  body: string,
  signal?: AbortSignal,
): Promise<{ warnings: PrivacyWarning[] }> {
  return api('/psychotherapy-notes/check', { method: 'POST', body: { body }, signal });
}
