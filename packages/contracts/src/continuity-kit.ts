import { z } from 'zod';
import { crisisResourcesSchema } from './common';
import { relapsePreventionSchema } from './ending-plan';
import { PHASES } from './phases';
import { portalHomeworkSchema } from './portal';

/**
 * The continuity kit (issue 11): what the client keeps after the ending of an episode, in the
 * portal for as long as the account exists. One kit per ended episode (`ending`, `aftercare`,
 * `closed`), newest first.
 */
export const KIT_PHASES = [
  'ending',
  'aftercare',
  'closed',
] as const satisfies readonly (typeof PHASES)[number][];

export const kitMusicSchema = z.object({
  title: z.string().nullable(),
  artist: z.string().nullable(),
  clientCreated: z.boolean(),
  sessionOn: z.date().describe('When the session it was used or made in happened'),
});
export type KitMusic = z.output<typeof kitMusicSchema>;

export const continuityKitSchema = z.object({
  episodeId: z.uuid(),
  title: z.string(),
  phase: z.enum(PHASES),
  openedAt: z.date(),
  therapistName: z.string().nullable(),
  practiceName: z.string(),
  relapsePrevention: relapsePreventionSchema
    .nullable()
    .describe('From the ending plan both accepted; null when there is none'),
  planAcceptedAt: z.date().nullable(),
  homework: z.array(portalHomeworkSchema),
  music: z.array(kitMusicSchema),
  recording: z.object({
    consented: z.boolean().describe('A live recording consent is on file'),
    signedAt: z.date().nullable(),
    ownership: z.string().describe('Who owns what was made, from the consent text'),
  }),
  crisisResources: crisisResourcesSchema,
  contact: z.object({
    messagesOpen: z.boolean().describe('The contact agreement lets the client message now'),
    how: z.string().describe('How to ask for a check-in or to come back, in words'),
  }),
});
export type ContinuityKit = z.output<typeof continuityKitSchema>;

export const continuityKitListSchema = z.object({ items: z.array(continuityKitSchema) });
export type ContinuityKitList = z.output<typeof continuityKitListSchema>;
