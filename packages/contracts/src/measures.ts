import { z } from 'zod';
import { crisisResourcesSchema } from './common';

/** Questionnaire responses, scores and change, the episode outcome, alerts and progress shares. */

// Nulls are let through so the clinical core can name the missing item.
export const answersSchema = z
  .array(z.number().nullable())
  .max(100)
  .describe('Answers in item order');

export const scoredResponseSchema = z.object({
  id: z.uuid(),
  instrument: z.string(),
  instrumentVersion: z.string(),
  total: z.number(),
  band: z.string().nullable(),
  flags: z.array(z.string()),
  subscales: z.record(z.string(), z.number()),
  percentage: z.number().optional(),
  completedAt: z.date(),
  sessionNumber: z.number().int(),
  onBehalf: z.boolean().describe("Entered by the therapist on the client's behalf"),
});
export type ScoredResponse = z.output<typeof scoredResponseSchema>;

export const ALERT_KINDS = [
  'risk-item',
  'reliable-deterioration',
  'not-on-track',
  'alliance-drop',
  'risk-language',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const alertSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  responseId: z.uuid().nullable(),
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(['urgent', 'warning']),
  rule: z.string(),
  ruleVersion: z.string(),
  inputs: z.record(z.string(), z.unknown()).describe('The numbers the rule saw'),
  source: z.string().describe('Where the rule comes from'),
  explanation: z.string().describe('Which rule fired, with which numbers, in one sentence'),
  createdAt: z.date(),
  acknowledgedAt: z.date().nullable(),
});
export type Alert = z.output<typeof alertSchema>;
export type AlertSeverity = Alert['severity'];

export const alertListSchema = z.object({ items: z.array(alertSchema) });
export type AlertList = z.output<typeof alertListSchema>;

export const caseloadAlertSchema = alertSchema.extend({
  clientId: z.uuid(),
  displayName: z.string(),
});
export type CaseloadAlert = z.output<typeof caseloadAlertSchema>;
export const caseloadAlertListSchema = z.object({ items: z.array(caseloadAlertSchema) });
export type CaseloadAlertList = z.output<typeof caseloadAlertListSchema>;

export const acknowledgedAlertSchema = alertSchema.extend({ note: z.string().nullable() });
export type AcknowledgedAlert = z.output<typeof acknowledgedAlertSchema>;

/** A stored questionnaire: its score, the alerts it raised and, after a risk item, help at once. */
export const recordedResponseSchema = z.object({
  response: scoredResponseSchema,
  alerts: z.array(alertSchema),
  crisisResources: crisisResourcesSchema.nullable(),
});
export type RecordedResponse = z.output<typeof recordedResponseSchema>;

export const CHANGE_CATEGORIES = [
  'recovered',
  'improved',
  'no-reliable-change',
  'deteriorated',
] as const;
export type ChangeCategory = (typeof CHANGE_CATEGORIES)[number];
export const changeCategorySchema = z.enum(CHANGE_CATEGORIES);

const scoreName = z.enum(['total', 'percentage']);
export type ScoreName = z.output<typeof scoreName>;

export const scorePointSchema = z.object({
  responseId: z.uuid(),
  completedAt: z.date(),
  sessionNumber: z.number().int(),
  total: z.number(),
  percentage: z.number().optional(),
  band: z.string().nullable(),
  flags: z.array(z.string()),
});
export type ScorePoint = z.output<typeof scorePointSchema>;

/** Inclusive; a null end is open. */
export const scoreBandSchema = z.object({
  label: z.string(),
  on: scoreName,
  min: z.number().nullable(),
  max: z.number().nullable(),
});
export type ScoreBand = z.output<typeof scoreBandSchema>;

export const instrumentScoresSchema = z.object({
  instrument: z.string(),
  title: z.string(),
  direction: z.enum(['lower-is-better', 'higher-is-better']),
  bands: z.array(scoreBandSchema),
  cutoff: z.object({ value: z.number(), case: z.enum(['at-least', 'below']) }).nullable(),
  reliableChange: z.object({ value: z.number(), on: scoreName }).nullable(),
  series: z.array(scorePointSchema),
  first: z.number(),
  last: z.number(),
  changeSinceFirst: z.number(),
  changeSinceLast: z.number().nullable(),
  category: changeCategorySchema.nullable(),
});
export type InstrumentScores = z.output<typeof instrumentScoresSchema>;

export const scoresSchema = z.object({ instruments: z.array(instrumentScoresSchema) });
export type Scores = z.output<typeof scoresSchema>;

export const outcomeSchema = z.object({
  eligible: z.boolean(),
  provisional: z
    .boolean()
    .describe(
      'True while the episode has not ended (not yet in aftercare or closed); reports of finished treatment use ended episodes only',
    ),
  reason: z.string().optional().describe('Why the episode is excluded (not-eligible)'),
  caseness: z.object({ start: z.boolean(), end: z.boolean() }),
  recovered: z.boolean().nullable().describe('Null when not a case at the start'),
  reliableImprovement: z.boolean(),
  reliableDeterioration: z.boolean(),
  reliableRecovery: z.boolean().nullable().describe('Null when not a case at the start'),
  instruments: z.array(
    z.object({
      instrument: z.string(),
      first: z.number(),
      last: z.number(),
      change: z.number(),
      category: changeCategorySchema.nullable(),
      reliableChange: z
        .number()
        .nullable()
        .describe('The reliable-change value used (PCL-5: the practice setting, 5–10)'),
      rule: z.string().nullable().describe('How the category was decided, with its source'),
    }),
  ),
  attendedSessions: z.number().int().describe('Every attended session, assessments included'),
  attendedTreatmentSessions: z
    .number()
    .int()
    .describe('Attended sessions not marked as an assessment: what finished treatment counts'),
  rule: z.string(),
  version: z.string(),
});
export type Outcome = z.output<typeof outcomeSchema>;

export const progressSharingSchema = z.object({
  episodeId: z.uuid(),
  shared: z
    .union([z.literal('all'), z.array(z.string())])
    .nullable()
    .describe('What the client sees: all instruments, the listed ones, or nothing (null)'),
});
export type ProgressSharing = z.output<typeof progressSharingSchema>;

/** What the episode page needs to say the sharing state in words and offer one action. */
export const progressSharingStateSchema = progressSharingSchema.extend({
  since: z
    .date()
    .nullable()
    .describe('When sharing began (the oldest share still in force); null when not shared'),
  instrumentsWithScores: z
    .array(z.string())
    .describe(
      'Questionnaires of the episode with at least one score that the client would see when shared (validated ones), first completed first',
    ),
});
export type ProgressSharingState = z.output<typeof progressSharingStateSchema>;

const progressPointSchema = z.object({
  score: z.number(),
  band: z.string().nullable().describe('In plain words; never a diagnosis'),
  at: z.date(),
});
export type PortalProgressPoint = z.output<typeof progressPointSchema>;

export const portalProgressItemSchema = z.object({
  instrument: z.string(),
  title: z.string(),
  first: progressPointSchema,
  latest: progressPointSchema,
  sentence: z.string().describe('A calm, non-diagnostic summary of the change'),
});
export type PortalProgressItem = z.output<typeof portalProgressItemSchema>;
export const portalProgressSchema = z.object({ items: z.array(portalProgressItemSchema) });
export type PortalProgress = z.output<typeof portalProgressSchema>;

/** Stateless scoring (CLINICAL.md §6). */
export const instrumentScoreSchema = z.object({
  instrument: z.string(),
  total: z.number(),
  band: z.string().nullable(),
  flags: z.array(z.string()),
  subscales: z.record(z.string(), z.number()),
  percentage: z.number().optional(),
});
export type InstrumentScore = z.output<typeof instrumentScoreSchema>;
export const instrumentKeyParam = z.strictObject({ key: z.string().max(64) });
export const scoreInstrumentRequest = z.strictObject({ answers: answersSchema });

export const recordResponseRequest = z.strictObject({
  instrument: z.string().min(1).max(64),
  answers: answersSchema,
  appointmentId: z.uuid().optional(),
  completedAt: z.iso.datetime({ offset: true }).optional(),
});
export type RecordResponseRequest = z.input<typeof recordResponseRequest>;

export const scoresQuery = z.strictObject({ instrument: z.string().max(64).optional() });
export const alertsQuery = z.strictObject({ status: z.enum(['open', 'all']).default('open') });
export const acknowledgeAlertRequest = z
  .strictObject({ note: z.string().max(4000).optional() })
  .optional();
export const shareProgressRequest = z
  .strictObject({ instruments: z.array(z.string().min(1).max(64)).max(20).optional() })
  .optional();

export type CrisisResources = z.output<typeof crisisResourcesSchema>;
