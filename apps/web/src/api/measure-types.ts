// Response shapes of the issue-4 API (measures, alerts, goals). Written from the contract asked
// of the backend; fields the server may not send yet are optional.

export type AnswerOption = { label: string; value: number };
export type MeasureItem = { number: number; text: string };

export type MeasureTask = {
  id: string;
  episodeId: string;
  instrument: string;
  title: string;
  dueAt: string;
  status: 'open' | 'completed' | 'expired';
  version: string;
  instructions: string;
  items: MeasureItem[];
  /** The answer options shared by every item. */
  options: AnswerOption[];
  attribution: string;
  /** Saved progress, one entry per item (null = not yet answered). */
  answers: (number | null)[] | null;
};

export type ScoredResponse = {
  id: string;
  instrument: string;
  instrumentVersion: string;
  total: number;
  band: string | null;
  flags: string[];
  subscales: Record<string, number>;
  percentage?: number;
  completedAt: string;
  sessionNumber: number;
  onBehalf: boolean;
};

export type CrisisLine = { country: string; name: string; contact: string; note: string };

export type CrisisResources = {
  version: string;
  title: string;
  message: string;
  lines: CrisisLine[];
  /** What to tell the client about contacting their practice. */
  practice: string;
};

export type Submitted = {
  response: ScoredResponse;
  alerts: Alert[];
  crisisResources: CrisisResources | null;
};

export type AlertSeverity = 'urgent' | 'warning';

export type Alert = {
  id: string;
  kind: string;
  severity: AlertSeverity;
  rule: string;
  ruleVersion: string;
  inputs: Record<string, unknown>;
  source: string;
  explanation: string;
  createdAt: string;
  acknowledgedAt: string | null;
  /** Only in the acknowledge response. */
  note?: string | null;
  responseId: string | null;
  episodeId: string;
  /** In the caseload list (GET /alerts). */
  clientId?: string;
  displayName?: string;
};

export type ScorePoint = {
  responseId: string;
  completedAt: string;
  sessionNumber: number;
  total: number;
  percentage?: number;
  band: string | null;
  flags: string[];
};

export type ScoreName = 'total' | 'percentage';

/** Inclusive; a null end is open. */
export type ScoreBand = { label: string; on: ScoreName; min: number | null; max: number | null };

export type ChangeCategory = 'recovered' | 'improved' | 'no-reliable-change' | 'deteriorated';

export type InstrumentScores = {
  instrument: string;
  title: string;
  direction: 'lower-is-better' | 'higher-is-better';
  bands: ScoreBand[];
  cutoff: { value: number; case: 'at-least' | 'below' } | null;
  reliableChange: { value: number; on: ScoreName } | null;
  series: ScorePoint[];
  first: number;
  last: number;
  changeSinceFirst: number;
  changeSinceLast: number | null;
  category: ChangeCategory | null;
};

export type Outcome = {
  eligible: boolean;
  /** True while the episode has not ended: the figures may still change. */
  provisional?: boolean;
  reason?: string;
  caseness: { start: boolean; end: boolean };
  recovered: boolean | null;
  reliableImprovement: boolean;
  reliableDeterioration: boolean;
  reliableRecovery: boolean | null;
  instruments: {
    instrument: string;
    first: number;
    last: number;
    change: number;
    category: ChangeCategory | null;
    /** The reliable-change value used (PCL-5: the practice's setting). */
    reliableChange?: number | null;
    rule?: string | null;
  }[];
  attendedSessions: number;
  attendedTreatmentSessions?: number;
  rule: string;
  version: string;
};

export type PlanItem = {
  instrument: string;
  title: string;
  schedule: string;
  everyN: number | null;
  active: boolean;
};

export type GoalStatus = string;
export type Rating = { level: number; comment: string | null; ratedAt: string };

/** A goal as the therapist sees it. */
export type Goal = {
  id: string;
  episodeId: string;
  clientWords: string;
  therapistWords: string;
  objectives: string[];
  /** What each GAS level looks like, keyed "-2", "-1", "0", "+1", "+2". */
  gasLevels: Record<string, string>;
  weight: number;
  status: GoalStatus;
  createdAt: string;
  latestClientRating: Rating | null;
  latestReview: { reviewId: string; level: number; reviewedAt: string } | null;
};

/** A goal as the client sees it in the shared plan. */
export type ClientGoal = {
  id: string;
  episodeId: string;
  clientWords: string;
  objectives: string[];
  status: GoalStatus;
  latestRating: Rating | null;
};

export type GoalReview = {
  id: string;
  reviewedAt: string;
  tScore: number;
  rule: string;
  ruleVersion: string;
  note: string | null;
  ratings: { goalId: string; level: number; weight: number }[];
};

export type PortalPlan = {
  id: string;
  version: number;
  sharedAt: string;
  acknowledgedAt: string | null;
  /** The plain-language rating scale, keyed by level ("-2" … "+2" or "2"). */
  scale: Record<string, string>;
  goals: ClientGoal[];
};
