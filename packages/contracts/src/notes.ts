import { z } from 'zod';

/** Session notes and psychotherapy notes (issue 2): what the API takes and answers. */

export const NOTE_TEMPLATES = ['soap', 'dap', 'birp', 'music-therapy'] as const;
export type NoteTemplate = (typeof NOTE_TEMPLATES)[number];
export const noteTemplateSchema = z.enum(NOTE_TEMPLATES);

/** AMTA Standards of Clinical Practice — Documentation: the four music-therapy methods. */
export const MUSIC_THERAPY_METHODS = [
  'receptive',
  'improvisational',
  're-creative',
  'compositional',
] as const;
export type MusicMethod = (typeof MUSIC_THERAPY_METHODS)[number];

/** HIPAA 164.501 puts no length on them; the limit keeps one request and one row bounded. */
export const PSYCHOTHERAPY_NOTE_MAX = 50_000;

const noteStatusSchema = z.enum(['draft', 'signed']);

/**
 * A note's body as the API answers it: the template's fields plus what it carries forward. Drafts
 * are checked per template by the domain (every field optional), so the answer types only the
 * fields every reader shares and keeps the rest (loose) instead of dropping them.
 */
export const noteBodySchema = z.looseObject({
  planForNext: z.string().optional(),
  threadsToOpen: z.array(z.string()).optional(),
  threadsToClose: z.array(z.string()).optional(),
  homework: z
    .array(
      z.object({
        title: z.string().optional(),
        instructions: z.string().optional(),
        link: z.string().optional(),
        attachmentId: z.string().optional(),
        dueOn: z.string().optional(),
      }),
    )
    .optional(),
  methods: z.array(z.enum(MUSIC_THERAPY_METHODS)).optional(),
  instruments: z.array(z.string()).optional(),
  music: z
    .array(
      z.object({
        title: z.string().optional(),
        artist: z.string().optional(),
        clientCreated: z.boolean().optional(),
      }),
    )
    .optional(),
});
export type NoteBody = z.output<typeof noteBodySchema>;
export type HomeworkInput = NonNullable<NoteBody['homework']>[number];
export type MusicUsed = NonNullable<NoteBody['music']>[number];

/** What a request may carry as a body; the use-case checks it against the note's template. */
const noteBodyRequest = z
  .record(z.string(), z.unknown())
  .describe(
    'The template fields plus planForNext, threadsToOpen, threadsToClose, homework. Drafts may be incomplete; signing requires every field of the template.',
  );
const noteVersion = z.number().int().min(1);

export const noteSummarySchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  appointmentId: z.uuid().nullable(),
  template: noteTemplateSchema,
  status: noteStatusSchema,
  createdAt: z.date(),
  signedAt: z.date().nullable(),
});
export type NoteSummary = z.output<typeof noteSummarySchema>;

export const addendumSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  authorId: z.uuid(),
  authorName: z.string(),
  createdAt: z.date(),
});
export type Addendum = z.output<typeof addendumSchema>;

export const noteSchema = noteSummarySchema.extend({
  version: z.number().int(),
  body: noteBodySchema,
  updatedAt: z.date(),
  addenda: z.array(addendumSchema),
});
export type Note = z.output<typeof noteSchema>;

/** The session a note belongs to, as listed: when it began, in the therapist's zone. */
export const noteSessionSchema = z.object({
  startsAt: z.date(),
  timeZone: z
    .string()
    .describe("The therapist's zone for the session (its series', else the practice's)"),
});
export type NoteSession = z.output<typeof noteSessionSchema>;

/** A note in a list: dated by its session; a note without one is dated by its creation. */
export const noteListItemSchema = noteSummarySchema.extend({
  session: noteSessionSchema.nullable().describe('Null for a note not tied to a session'),
});
export type NoteListItem = z.output<typeof noteListItemSchema>;

export const noteListSchema = z.object({ items: z.array(noteListItemSchema) });
export type NoteList = z.output<typeof noteListSchema>;

export const noteSavedSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  updatedAt: z.date(),
});
export type NoteSaved = z.output<typeof noteSavedSchema>;

export const createNoteRequest = z.strictObject({
  template: noteTemplateSchema,
  appointmentId: z.uuid().optional(),
  body: noteBodyRequest.optional(),
});
export type CreateNoteRequest = z.input<typeof createNoteRequest>;

export const updateNoteRequest = z.strictObject({ version: noteVersion, body: noteBodyRequest });
export type UpdateNoteRequest = z.input<typeof updateNoteRequest>;

export const signNoteRequest = z.strictObject({ version: noteVersion });
export const addAddendumRequest = z.strictObject({ text: z.string().trim().min(1).max(20_000) });

/** HIPAA 45 CFR 164.501: what a psychotherapy note must not contain. */
export const EXCLUDED_CONTENT_KINDS = [
  'medication',
  'test-results',
  'session-times',
  'diagnosis-or-plan-summary',
] as const;
export type ExcludedKind = (typeof EXCLUDED_CONTENT_KINDS)[number];

export const excludedContentWarningSchema = z.object({
  kind: z.enum(EXCLUDED_CONTENT_KINDS),
  excerpt: z.string(),
});
export type ExcludedContentWarning = z.output<typeof excludedContentWarningSchema>;

const psychotherapyText = z.string().max(PSYCHOTHERAPY_NOTE_MAX);

export const psychotherapyNoteSummarySchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  appointmentId: z.uuid().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PsychotherapyNoteSummary = z.output<typeof psychotherapyNoteSummarySchema>;

export const psychotherapyNoteSchema = psychotherapyNoteSummarySchema.extend({
  body: z.string(),
  warnings: z.array(excludedContentWarningSchema),
});
export type PsychotherapyNote = z.output<typeof psychotherapyNoteSchema>;

export const psychotherapyNoteListSchema = z.object({
  items: z.array(psychotherapyNoteSummarySchema),
});
export type PsychotherapyNoteList = z.output<typeof psychotherapyNoteListSchema>;

export const psychotherapyCheckSchema = z.object({
  warnings: z.array(excludedContentWarningSchema),
});
export type PsychotherapyCheck = z.output<typeof psychotherapyCheckSchema>;

export const createPsychotherapyNoteRequest = z.strictObject({
  body: psychotherapyText.min(1),
  appointmentId: z.uuid().optional(),
});
export const checkPsychotherapyNoteRequest = z.strictObject({ body: psychotherapyText });
export const updatePsychotherapyNoteRequest = z.strictObject({ body: psychotherapyText.min(1) });
