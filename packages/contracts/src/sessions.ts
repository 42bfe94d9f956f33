import { z } from 'zod';
import { appointmentSchema } from './appointments';
import { noteListItemSchema, noteSchema, noteTemplateSchema } from './notes';

/**
 * One session as its page shows it (issue 9): the appointment with its client, its notes and the
 * questionnaires completed for it. Therapist of the episode only.
 */

/**
 * How a questionnaire belongs to the session: `session` when it was completed for this session
 * (a portal task or a paper form entered against it), `same-day` when it names no session and was
 * completed on the session's day (in the therapist's zone).
 */
export const SESSION_MEASURE_LINKS = ['session', 'same-day'] as const;

export const sessionMeasureSchema = z.object({
  responseId: z.uuid(),
  instrument: z.string(),
  title: z.string().describe("The instrument's name"),
  total: z.number().int(),
  band: z.string().nullable(),
  completedAt: z.date(),
  onBehalf: z.boolean().describe('Entered by the therapist from a paper form'),
  linked: z.enum(SESSION_MEASURE_LINKS),
});
export type SessionMeasure = z.output<typeof sessionMeasureSchema>;

export const sessionDetailSchema = z.object({
  appointment: appointmentSchema,
  client: z.object({
    id: z.uuid(),
    displayName: z.string(),
    preferredName: z.string().nullable(),
    pronouns: z.string().nullable(),
  }),
  episode: z.object({ id: z.uuid(), title: z.string() }),
  notes: z.array(noteListItemSchema).describe('Session notes of this session, oldest first'),
  measures: z.array(sessionMeasureSchema).describe('Oldest first'),
});
export type SessionDetail = z.output<typeof sessionDetailSchema>;

export const startSessionNoteRequest = z.strictObject({
  template: noteTemplateSchema.default('music-therapy'),
});
export type StartSessionNoteRequest = z.input<typeof startSessionNoteRequest>;

export const sessionNoteStartedSchema = z.object({
  note: noteSchema,
  appointment: appointmentSchema,
  markedAttended: z.boolean().describe('The session was scheduled and is now marked attended'),
  created: z.boolean().describe('False when the session already had a note (that one answers)'),
});
export type SessionNoteStarted = z.output<typeof sessionNoteStartedSchema>;
