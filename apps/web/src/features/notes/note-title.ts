import type { NoteListItem, NoteTemplate, Wire } from '@throughline/contracts';
import { formatDateTime, formatInZone } from '../../app/format';
import { templateLabels } from './templates';

/**
 * How a note is named wherever notes are listed: by its session's date ("Music therapy note —
 * session of Tue 24 Nov 2026, 10:00 (London)"); a note without a session by its own date, saying so.
 */
export function noteListTitle(note: {
  template: NoteTemplate;
  createdAt: string;
  session: Wire<NoteListItem>['session'];
}): string {
  const kind = `${templateLabels[note.template]} note`;
  return note.session
    ? `${kind} — session of ${formatInZone(note.session.startsAt, note.session.timeZone)}`
    : `${kind} — not tied to a session, written ${formatDateTime(note.createdAt)}`;
}

export const noteStatusLabels = { draft: 'Draft', signed: 'Signed' } as const;
