import { z } from 'zod';
import { cursorParam, limitParam } from './common';

// The relationship timeline across a client's episodes.

export const TIMELINE_TYPES = [
  'episode',
  'phase-change',
  'appointment',
  'note',
  'homework',
] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];
export const timelineTypeSchema = z.enum(TIMELINE_TYPES);

export const timelineItemSchema = z.object({
  type: timelineTypeSchema,
  at: z.date(),
  episodeId: z.uuid(),
  id: z.uuid(),
  title: z.string(),
  /** The record's own IANA zone (a session's): its time is shown there; null otherwise. */
  timeZone: z.string().nullable(),
});
export type TimelineItem = z.output<typeof timelineItemSchema>;

export const timelineQuery = z.strictObject({
  types: z
    .string()
    .max(200)
    .transform((v) => v.split(',').map((t) => t.trim()))
    .pipe(z.array(timelineTypeSchema).min(1))
    .optional()
    .describe(`Comma-separated: ${TIMELINE_TYPES.join(', ')} (default: all)`),
  limit: limitParam(200, 50),
  cursor: cursorParam.optional(),
});
