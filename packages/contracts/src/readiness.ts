import { z } from 'zod';
import { changeCategorySchema } from './measures';
import { PHASES } from './phases';

/**
 * The readiness review (issue 11): the evidence for ending, and both sides' view of it. The
 * client's voice is kept in their own words beside the therapist's (ETHICS.md), and a difference
 * between the two is shown, never hidden.
 */

export const READINESS_LEVELS = [1, 2, 3, 4, 5] as const;
export const READINESS_WORDS_MAX = 2000;

/** The scale in words: the client's wording and the therapist's (same levels). */
export const READINESS_SCALE: readonly { level: number; client: string; therapist: string }[] = [
  { level: 1, client: 'Not ready to finish', therapist: 'Not ready to end' },
  { level: 2, client: 'Not yet, but getting there', therapist: 'Not yet' },
  { level: 3, client: 'Not sure', therapist: 'Undecided' },
  { level: 4, client: 'Nearly ready', therapist: 'Nearly ready' },
  { level: 5, client: 'Ready to finish', therapist: 'Ready to end' },
];

/** The scale's words for a level, for the client or the therapist. */
export function readinessWords(level: number, wording: 'client' | 'therapist'): string {
  const step = READINESS_SCALE.find((s) => s.level === level);
  return step ? step[wording] : 'Not answered';
}

export const READINESS_PARTIES = ['client', 'therapist'] as const;
export type ReadinessParty = (typeof READINESS_PARTIES)[number];

export const giveReadinessViewRequest = z.strictObject({
  level: z
    .number({ error: 'Choose a point on the scale from 1 (not ready) to 5 (ready).' })
    .int('Choose a point on the scale from 1 (not ready) to 5 (ready).')
    .min(1, 'Choose a point on the scale from 1 (not ready) to 5 (ready).')
    .max(5, 'Choose a point on the scale from 1 (not ready) to 5 (ready).'),
  words: z
    .string()
    .trim()
    .max(READINESS_WORDS_MAX, `At most ${READINESS_WORDS_MAX} characters.`)
    .default('')
    .describe('Your view in your own words (kept encrypted)'),
});
export type GiveReadinessView = z.input<typeof giveReadinessViewRequest>;

export const readinessViewSchema = z.object({
  id: z.uuid(),
  party: z.enum(READINESS_PARTIES),
  level: z.number().int(),
  words: z.string(),
  givenBy: z.string().describe('The name of who gave it'),
  givenAt: z.date(),
});
export type ReadinessView = z.output<typeof readinessViewSchema>;

/** How far apart the two latest views are; null until both sides have answered. */
export const readinessDisagreementSchema = z.object({
  differs: z.boolean(),
  by: z.number().int().describe('Points apart on the 1–5 scale'),
});
export type ReadinessDisagreement = z.output<typeof readinessDisagreementSchema>;

/** Any difference counts: it is shown plainly, with how far apart the views are. */
export function readinessDisagreement(
  client: { level: number } | null,
  therapist: { level: number } | null,
): ReadinessDisagreement | null {
  if (!client || !therapist) return null;
  const by = Math.abs(client.level - therapist.level);
  return { differs: by > 0, by };
}

const readinessGoalSchema = z.object({
  id: z.uuid(),
  words: z.string().describe("The goal in the client's words"),
  latestLevel: z.number().int().nullable().describe('Latest GAS review level; therapist only'),
  reviewedAt: z.date().nullable(),
  clientRating: z.number().int().nullable().describe("The client's own latest rating"),
});

const readinessMeasureSchema = z.object({
  instrument: z.string(),
  title: z.string(),
  first: z.number(),
  firstAt: z.date(),
  recent: z.number(),
  recentAt: z.date(),
  count: z.number().int(),
  cutoff: z.object({ value: z.number(), case: z.enum(['at-least', 'below']) }).nullable(),
  caseAtStart: z.boolean().nullable(),
  caseNow: z.boolean().nullable(),
  category: changeCategorySchema.nullable(),
  reliableChange: z.number().nullable(),
  rule: z.string().nullable(),
});
export type ReadinessMeasure = z.output<typeof readinessMeasureSchema>;

export const readinessEvidenceSchema = z.object({
  sessionsAttended: z.number().int(),
  goals: z.array(readinessGoalSchema),
  /** Therapist only (null for the client): the scores are the therapist's to interpret. */
  measures: z.array(readinessMeasureSchema).nullable(),
  outcome: z
    .object({
      eligible: z.boolean(),
      provisional: z.boolean(),
      reason: z.string().nullable(),
      recovered: z.boolean().nullable(),
      reliableImprovement: z.boolean(),
      reliableDeterioration: z.boolean(),
      reliableRecovery: z.boolean().nullable(),
      rule: z.string(),
    })
    .nullable(),
  notOnTrack: z
    .object({ open: z.boolean(), sources: z.array(z.string()) })
    .nullable()
    .describe('Open not-on-track alerts and the rules that raised them; therapist only'),
  alliance: z
    .object({
      answered: z.number().int(),
      latest: z.number().nullable(),
      mean: z.number().nullable(),
      max: z.number(),
      dropOpen: z.boolean(),
    })
    .nullable()
    .describe('Session feedback (0–40); therapist only'),
  openThreads: z.array(z.object({ id: z.uuid(), title: z.string() })).nullable(),
  homework: z.object({
    assigned: z.number().int(),
    done: z.number().int(),
    items: z.array(
      z.object({ id: z.uuid(), title: z.string(), status: z.enum(['assigned', 'done']) }),
    ),
  }),
});
export type ReadinessEvidence = z.output<typeof readinessEvidenceSchema>;

export const readinessSuggestionSchema = z.object({
  suggested: z.boolean(),
  reasons: z.array(z.object({ kind: z.enum(['goals-met', 'below-cutoff']), detail: z.string() })),
  rule: z.string(),
  version: z.string(),
});
export type ReadinessSuggestion = z.output<typeof readinessSuggestionSchema>;

export const readinessSchema = z.object({
  episodeId: z.uuid(),
  phase: z.enum(PHASES),
  viewer: z.enum(READINESS_PARTIES),
  clientName: z.string().describe('The name the client asked to be called'),
  clientPronouns: z.string().nullable(),
  therapistName: z.string(),
  /** May a view be given now (an open episode)? */
  open: z.boolean(),
  suggestion: readinessSuggestionSchema.nullable().describe('Therapist only'),
  evidence: readinessEvidenceSchema,
  current: z.object({
    client: readinessViewSchema.nullable(),
    therapist: readinessViewSchema.nullable(),
  }),
  disagreement: readinessDisagreementSchema.nullable(),
  history: z.array(readinessViewSchema).describe('Every view given, newest first'),
});
export type Readiness = z.output<typeof readinessSchema>;

/** The client's readiness reviews: one per open episode (usually one). */
export const portalReadinessSchema = z.object({ items: z.array(readinessSchema) });
export type PortalReadiness = z.output<typeof portalReadinessSchema>;
