import { z } from 'zod';
import { cursorParam, limitParam } from './common';
import { PHASES } from './phases';

// Episodes of care and their phase history.

export const phaseSchema = z.enum(PHASES);
const reason = z.string().trim().min(1).max(2000);

export const episodeSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  therapistId: z.uuid(),
  therapistName: z.string(),
  phase: phaseSchema,
  title: z.string(),
  previousEpisodeId: z.uuid().nullable(),
  openedAt: z.date(),
  closedAt: z.date().nullable(),
});
export type Episode = z.output<typeof episodeSchema>;

export const phaseChangeSchema = z.object({
  from: phaseSchema.nullable(),
  to: phaseSchema,
  changedBy: z.object({ id: z.uuid(), displayName: z.string() }),
  changedAt: z.date(),
  reason: z.string().optional().describe('Therapist-only; absent for the client'),
});
export type PhaseChange = z.output<typeof phaseChangeSchema>;

export const episodeDetailSchema = episodeSchema.extend({
  client: z.object({
    id: z.uuid(),
    displayName: z.string(),
    preferredName: z.string().nullable(),
    pronouns: z.string().nullable(),
  }),
  phaseHistory: z.array(phaseChangeSchema),
  previousEpisodeIds: z.array(z.uuid()).describe('Earlier episodes, nearest first'),
  nextPhases: z.array(phaseSchema).describe('Where the caller may move this episode next'),
});
export type EpisodeDetail = z.output<typeof episodeDetailSchema>;

export const listEpisodesQuery = z.strictObject({
  clientId: z.uuid().optional(),
  phase: phaseSchema.optional(),
  limit: limitParam(200, 50),
  cursor: cursorParam.optional(),
});

export const createEpisodeBody = z.strictObject({
  clientId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  reason: reason.describe('Why the episode opens; recorded as the first phase change'),
});
export type CreateEpisodeInput = z.input<typeof createEpisodeBody>;

export const changePhaseBody = z.strictObject({ to: phaseSchema, reason });
export type ChangePhaseInput = z.input<typeof changePhaseBody>;
