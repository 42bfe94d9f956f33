import { z } from 'zod';
import { beforeThisEpisodeSchema } from './ending-summary';
import { discussionItemSchema } from './goals';
import { alertSchema, changeCategorySchema } from './measures';
import { PHASES } from './phases';
import { readinessSuggestionSchema } from './readiness';

/** The pre-session brief (issue 2, sections from issue 4). */

export const briefMeasureSchema = z.object({
  instrument: z.string(),
  title: z.string(),
  last: z.number(),
  band: z.string().nullable(),
  lastAt: z.date(),
  changeSinceLast: z.number().nullable().describe('Null with a single score'),
  changeSinceFirst: z.number(),
  category: changeCategorySchema.nullable(),
});
export type BriefMeasure = z.output<typeof briefMeasureSchema>;

export const briefGoalSchema = z.object({
  id: z.uuid(),
  clientWords: z.string(),
  therapistWords: z.string(),
  latestReview: z.object({ level: z.number().int(), reviewedAt: z.date() }).nullable(),
  latestClientRating: z
    .object({ level: z.number().int(), comment: z.string().nullable(), ratedAt: z.date() })
    .nullable(),
});
export type BriefGoal = z.output<typeof briefGoalSchema>;

export const MILESTONE_KINDS = ['review-due', 'planned-ending', 'episode-anniversary'] as const;
export const milestoneSchema = z.object({
  kind: z.enum(MILESTONE_KINDS),
  at: z.date().nullable(),
  detail: z.string(),
});
export type Milestone = z.output<typeof milestoneSchema>;

/**
 * The brief's sections beyond the core ones, each keyed by its name. A new section adds its key
 * and shape here (and a provider in the domain); `BriefSection` below follows by itself.
 */
export const briefSectionSchemas = {
  measures: z
    .array(briefMeasureSchema)
    .describe('Per instrument: latest score, band and change since last and first'),
  alerts: z.array(alertSchema).describe('Open alerts, urgent first'),
  toDiscuss: z.array(discussionItemSchema).describe('Open "to discuss next session" items'),
  goals: z
    .array(briefGoalSchema)
    .describe('Active goals with the latest review level and client rating'),
  milestones: z.array(milestoneSchema),
  readiness: readinessSuggestionSchema.describe(
    'Present when the rule suggests a readiness review (issue 11): why, with the rule and its version',
  ),
  beforeThisEpisode: beforeThisEpisodeSchema.describe(
    "A returning client's previous episode with the same therapist: how it ended",
  ),
} as const;

export const briefSectionsSchema = z
  .object({
    measures: briefSectionSchemas.measures.optional(),
    alerts: briefSectionSchemas.alerts.optional(),
    toDiscuss: briefSectionSchemas.toDiscuss.optional(),
    goals: briefSectionSchemas.goals.optional(),
    milestones: briefSectionSchemas.milestones.optional(),
    readiness: briefSectionSchemas.readiness.optional(),
    beforeThisEpisode: briefSectionSchemas.beforeThisEpisode.optional(),
  })
  .describe('Further sections; a section with nothing to show, or not available yet, is absent');
export type BriefSections = z.output<typeof briefSectionsSchema>;
export type BriefSectionKey = keyof typeof briefSectionSchemas;

/** One present section, discriminated by its key: `{ key: 'alerts', items: Alert[] }`, … */
export type BriefSection<S extends Partial<Record<BriefSectionKey, unknown>> = BriefSections> = {
  [K in BriefSectionKey]: { key: K; items: NonNullable<S[K]> };
}[BriefSectionKey];

/** Display order of the further sections. */
export const BRIEF_SECTION_ORDER: readonly BriefSectionKey[] = [
  'alerts',
  'beforeThisEpisode',
  'measures',
  'toDiscuss',
  'goals',
  'readiness',
  'milestones',
];

/**
 * The present sections in display order, as a union the reader switches on by key. Generic so
 * the web reads its JSON view (`Wire<BriefSections>`) with the same narrowing.
 */
export function briefSectionList<S extends Partial<Record<BriefSectionKey, unknown>>>(
  sections: S,
): BriefSection<S>[] {
  const present: BriefSection<S>[] = [];
  for (const key of BRIEF_SECTION_ORDER) {
    const items = sections[key];
    if (items !== undefined && items !== null) {
      present.push({ key, items } as BriefSection<S>);
    }
  }
  return present;
}

export const briefSchema = z.object({
  episode: z.object({
    id: z.uuid(),
    phase: z.enum(PHASES),
    title: z.string(),
    openedAt: z.date(),
    previousEpisodeId: z.uuid().nullable(),
  }),
  client: z.object({
    id: z.uuid(),
    displayName: z.string(),
    preferredName: z.string().nullable(),
    pronouns: z.string().nullable(),
    timeZone: z.string(),
  }),
  appointment: z
    .object({
      id: z.uuid(),
      startsAt: z.date(),
      endsAt: z.date(),
      localStart: z.string().describe("Local start in the practice's time zone, ISO 8601"),
      timeZone: z.string(),
    })
    .nullable(),
  daysSinceLastSession: z.number().int().nullable(),
  lastSession: z
    .object({
      appointmentId: z.uuid().nullable(),
      startsAt: z.date().nullable(),
      noteId: z.uuid().nullable().describe('The latest signed note of the episode'),
      noteStatus: z.enum(['signed', 'draft', 'none']).describe('Status of the latest note'),
      planForNext: z.string().nullable(),
      unsignedNoteId: z.uuid().nullable().describe('Set when the latest note is still a draft'),
    })
    .nullable(),
  openThreads: z.array(z.object({ id: z.uuid(), title: z.string(), openedAt: z.date() })),
  homework: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      status: z.enum(['assigned', 'done']),
      dueOn: z.string().nullable(),
      completedAt: z.date().nullable(),
      clientComment: z.string().nullable(),
    }),
  ),
  cover: z
    .object({
      therapistName: z.string(),
      designeeName: z.string(),
      endsAt: z.date(),
      timeZone: z.string().describe("The practice's IANA time zone, to show the end in"),
      viewer: z
        .enum(['therapist', 'designee', 'other'])
        .describe("The reader is the episode's therapist, the designee covering, or someone else"),
    })
    .nullable()
    .describe('Cover in effect now for this episode (issue 10): who covers, until when'),
  sections: briefSectionsSchema,
});
export type Brief = z.output<typeof briefSchema>;
export type BriefCover = NonNullable<Brief['cover']>;
export type BriefLastSession = NonNullable<Brief['lastSession']>;
export type BriefThread = Brief['openThreads'][number];
export type BriefHomework = Brief['homework'][number];

export const briefQuery = z.strictObject({ appointment: z.uuid().optional() });
