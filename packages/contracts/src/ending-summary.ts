import { z } from 'zod';
import { calendarDate, relapsePreventionSchema } from './ending-plan';
import { goalStatusSchema } from './goals';
import { changeCategorySchema } from './measures';
import type { Phase } from './phases';

/**
 * The ending summary (issue 11): drafted from the record of an episode once it is ending, edited
 * by the therapist, then shared with the client (portal page and PDF). The facts come from the
 * record and are refreshed at every save; the words are the therapist's, written for the client.
 */

const words = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

/** One goal, in the client's words, with how far it was met (the latest GAS review). */
/** The phases in which an episode has an ending summary: from the ending on (POLICY uses it). */
export const ENDING_SUMMARY_PHASES = [
  'ending',
  'aftercare',
  'closed',
] as const satisfies readonly Phase[];

export const endingSummaryGoalSchema = z.object({
  goalId: z.uuid(),
  clientWords: z.string(),
  status: goalStatusSchema,
  attainment: z
    .object({
      level: z.number().int().min(-2).max(2),
      words: z.string().describe('The GAS level in plain words (CLINICAL.md §1)'),
      reviewedAt: z.date(),
    })
    .nullable()
    .describe('The latest therapist review of the goal; null when it was never reviewed'),
  clientRating: z
    .object({
      level: z.number().int().min(-2).max(2),
      words: z.string(),
      comment: z.string().nullable(),
      ratedAt: z.date(),
    })
    .nullable()
    .describe("The client's own latest rating of the goal"),
});
export type EndingSummaryGoal = z.output<typeof endingSummaryGoalSchema>;

const scorePoint = z.object({ score: z.number(), band: z.string().nullable(), at: z.date() });

/** The first and last score of one questionnaire in the episode, with the change category. */
export const endingSummaryScoreSchema = z.object({
  instrument: z.string(),
  title: z.string(),
  first: scorePoint,
  last: scorePoint,
  category: changeCategorySchema
    .nullable()
    .describe('Null with a single score or for a questionnaire without a reliable-change value'),
});
export type EndingSummaryScore = z.output<typeof endingSummaryScoreSchema>;

export const endingSummaryOutcomeSchema = z.object({
  eligible: z.boolean(),
  provisional: z.boolean(),
  recovered: z.boolean().nullable(),
  reliableImprovement: z.boolean(),
  reliableDeterioration: z.boolean(),
  reliableRecovery: z.boolean().nullable(),
});
export type EndingSummaryOutcome = z.output<typeof endingSummaryOutcomeSchema>;

/** What the record says, at the time of the last save. */
export const endingSummaryFactsSchema = z.object({
  startedOn: calendarDate.describe("The episode's opening day, in the practice's time zone"),
  lastSessionOn: calendarDate.nullable().describe('The last attended session, if any'),
  attendedSessions: z.number().int(),
  goals: z.array(endingSummaryGoalSchema),
  scores: z.array(endingSummaryScoreSchema),
  outcome: endingSummaryOutcomeSchema,
  asOf: z.date().describe('When these facts were read from the record'),
});
export type EndingSummaryFacts = z.output<typeof endingSummaryFactsSchema>;

/** The therapist's words: drafted from the record, edited before sharing. */
export const endingSummaryWordsSchema = z.strictObject({
  greeting: words(2000).describe('An opening paragraph to the client'),
  progress: words(4000).describe('How the work went, in plain words'),
  whatHelped: z
    .array(words(500).min(1, 'Leave out empty lines.'))
    .max(20, 'At most 20 lines.')
    .describe("What helped, in the client's own words where they were recorded"),
  relapsePrevention: relapsePreventionSchema,
  howToReturn: words(2000),
  closing: words(2000),
});
export type EndingSummaryWords = z.output<typeof endingSummaryWordsSchema>;

export const ENDING_SUMMARY_STATES = ['draft', 'shared'] as const;

export const endingSummarySchema = z.object({
  episodeId: z.uuid(),
  version: z
    .number()
    .int()
    .describe('0: a draft from the record not saved yet; send it back as `expectedVersion`'),
  state: z.enum(ENDING_SUMMARY_STATES),
  sharedAt: z.date().nullable(),
  sharedVersion: z
    .number()
    .int()
    .nullable()
    .describe('The version the client sees (the last one shared); null before sharing'),
  savedAt: z.date().nullable(),
  practiceName: z.string(),
  paper: z.enum(['a4', 'letter']).describe("The practice's paper size for the PDF"),
  therapistName: z.string(),
  client: z.object({ name: z.string().describe('Preferred name, else display name') }),
  facts: endingSummaryFactsSchema,
  words: endingSummaryWordsSchema,
});
export type EndingSummary = z.output<typeof endingSummarySchema>;

export const updateEndingSummaryRequest = endingSummaryWordsSchema.extend({
  expectedVersion: z
    .number()
    .int()
    .min(0)
    .describe('The version you edited; a newer one saved meanwhile → 409'),
});
export type UpdateEndingSummary = z.input<typeof updateEndingSummaryRequest>;

export const shareEndingSummaryRequest = z.strictObject({
  version: z.number().int().min(0).describe('The version you read; a newer one → 409'),
});

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const endingSummaryPdfQuery = z.strictObject({
  paper: z
    .enum(PAPER_SIZES, { message: 'Choose paper=a4 or paper=letter.' })
    .optional()
    .describe("Paper size; default from the practice's locale"),
});

/** The episode outcome in plain words, for the summary, its PDF and the brief (never a code). */
export function outcomeWords(o: EndingSummaryOutcome): string {
  if (!o.eligible)
    return 'Not enough sessions with questionnaires at the start and the end to describe an outcome.';
  const parts: string[] = [];
  if (o.reliableRecovery) parts.push('Recovered, with a reliable improvement');
  else if (o.recovered) parts.push('Recovered (below the clinical threshold at the end)');
  else if (o.reliableImprovement) parts.push('Reliable improvement');
  else if (o.reliableDeterioration) parts.push('Reliable worsening');
  else parts.push('No reliable change');
  if (o.provisional) parts.push('provisional while the episode is still open');
  return `${parts.join(', ')}.`;
}

/** A change category in plain words (CLINICAL.md §2). */
export const CHANGE_CATEGORY_WORDS: Record<z.output<typeof changeCategorySchema>, string> = {
  recovered: 'Recovered',
  improved: 'Reliably improved',
  'no-reliable-change': 'No reliable change',
  deteriorated: 'Reliably worse',
};

/** South American zones whose countries print on A4 (the rest of the Americas uses Letter). */
const A4_IN_THE_AMERICAS =
  /^America\/(Argentina\/|Sao_Paulo|Bahia|Belem|Fortaleza|Recife|Maceio|Manaus|Cuiaba|Campo_Grande|Porto_Velho|Boa_Vista|Rio_Branco|Araguaina|Santarem|Noronha|Eirunepe|Montevideo|Asuncion|Lima|La_Paz|Guayaquil|Guyana|Paramaribo|Cayenne)/;

/**
 * The paper a practice prints on, from its time zone (the practice's only locale setting):
 * Letter in North and Central America, Chile, Colombia, Venezuela and the Philippines; A4
 * elsewhere. `?paper=` overrides it.
 */
export function defaultPaper(timeZone: string): PaperSize {
  if (/^(US|Canada)\//.test(timeZone) || timeZone === 'Pacific/Honolulu') return 'letter';
  if (timeZone === 'Asia/Manila') return 'letter';
  if (timeZone.startsWith('America/') && !A4_IN_THE_AMERICAS.test(timeZone)) return 'letter';
  return 'a4';
}

/**
 * The brief of a returning client's episode starts from the previous one (issue 11, return): its
 * last ending summary (shared or not; the therapist's view), the relapse-prevention plan, the
 * goals with their last ratings and the last scores with their dates.
 */
export const beforeThisEpisodeSchema = z.object({
  episodeId: z.uuid(),
  title: z.string(),
  openedAt: z.date(),
  summary: z
    .object({
      version: z.number().int(),
      savedAt: z.date(),
      sharedAt: z.date().nullable(),
      progress: z.string(),
      whatHelped: z.array(z.string()),
      howToReturn: z.string(),
    })
    .nullable()
    .describe('The last saved ending summary; null when none was written'),
  relapsePrevention: relapsePreventionSchema
    .nullable()
    .describe("The summary's plan, else the accepted ending plan's; null without either"),
  facts: endingSummaryFactsSchema.describe('Read from the record now (a closed outcome is final)'),
  outcome: z.string().describe('The episode outcome in plain words'),
});
export type BeforeThisEpisode = z.output<typeof beforeThisEpisodeSchema>;
