export { addAddendum } from './add-addendum';
export { checkPsychotherapyNote } from './check-psychotherapy-note';
export { listSignedNotesForCopy, type SignedNoteForCopy } from './copy-reads';
export { createNote, insertDraftNote, type NewDraft } from './create-note';
export { createPsychotherapyNote } from './create-psychotherapy-note';
export {
  detectExcludedContent,
  type ExcludedContentWarning,
  type ExcludedKind,
} from './excluded-content';
export { getNote, getNoteInTransaction } from './get-note';
export { getPsychotherapyNote } from './get-psychotherapy-note';
export { listNotes } from './list-notes';
export { listPsychotherapyNotes } from './list-psychotherapy-notes';
export { listSignedNoteMusic, type NoteMusic } from './music-reads';
export { PSYCHOTHERAPY_NOTE_MAX, type PsychotherapyNoteView } from './psychotherapy-views';
export {
  findLatestNotes,
  type NoteHeadRow,
  noteEvents,
  overdueDraftCountsSql,
  UNSIGNED_AFTER_HOURS,
} from './reads';
export { listSignedNotesForRecord, type SignedNoteRecord } from './record-reads';
export {
  listBySession as listSessionNotes,
  type NoteSummaryRow,
  type PsychotherapyNoteSummaryRow,
} from './repository';
export { signNote } from './sign-note';
export {
  MUSIC_THERAPY_METHODS,
  NOTE_TEMPLATES,
  type NoteBody,
  type NoteTemplate,
  parseDraft,
  parseForSigning,
  TEMPLATE_VERSION,
} from './templates';
export { updateNote } from './update-note';
export { updatePsychotherapyNote } from './update-psychotherapy-note';
export { type AddendumView, type NoteView, notePurpose } from './views';
