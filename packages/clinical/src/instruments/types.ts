/**
 * The shape of an instrument definition. Definitions are plain, versioned data (CLINICAL.md §1):
 * they can be stored, compared and mapped to a FHIR `Questionnaire` without running code.
 */

export type AnswerOption = {
  /** The number the client's answer is recorded as (the column ticked, in printed order). */
  value: number;
  label: string;
  /** LOINC answer code (LA…), where CLINICAL.md §5 gives one; or the code of an imported form. */
  code?: string;
  /** The code system of `code` when it is not LOINC (an imported Questionnaire's own coding). */
  system?: string;
};

export type Item = {
  /** 1-based, in printed order. */
  number: number;
  text: string;
  /** Scored as (max − answer): a positively worded item on a problem scale. */
  reverseScored?: boolean;
  /** LOINC code of this item's observation, where CLINICAL.md §5 gives one. */
  loinc?: string;
};

/** Which score a band rule looks at. */
export type ScoreName = 'total' | 'percentage';

/**
 * One band; bands are tried in order and the first that matches wins. `min`/`max` are inclusive;
 * `min: 'cutoff'` means "at least the instrument's (configurable) cut-off".
 */
export type Band = {
  label: string;
  on?: ScoreName;
  min?: number | 'cutoff';
  max?: number;
};

export type Flag =
  /**
   * Raised when one item's answer is above `above`, whatever the total. `risk: true` marks a risk
   * item: it is raised from the raw answers even when the form is incomplete or invalid (§1).
   */
  | { key: string; kind: 'item-above'; item: number; above: number; risk?: true }
  /** Raised when the total is below `below` or any item is answered `itemAtMost` or lower. */
  | {
      key: string;
      kind: 'total-below-or-item-at-most';
      below: number;
      itemAtMost: number;
      source: string;
    }
  /** Raised when a subscale total is at least `atLeast`. */
  | { key: string; kind: 'subscale-at-least'; subscale: string; atLeast: number }
  /** Raised when, in every named subscale, at least `count` items are rated ≥ `rating`. */
  | {
      key: string;
      kind: 'items-endorsed';
      rating: number;
      require: Readonly<Record<string, number>>;
    };

export type Cutoff = {
  default: number;
  /** Inclusive range a practice may choose from (CLINICAL.md marks it *configurable*). */
  configurable?: { min: number; max: number };
  source: string;
};

/**
 * Caseness on this instrument: a score at or above `atLeast`, or below `below` (for scales where
 * higher is better), on the named score.
 */
export type Caseness =
  | { on: ScoreName; atLeast: number | 'cutoff'; source: string }
  | { on: ScoreName; below: number; source: string };

export type ReliableChange = {
  /** Smallest change (inclusive) counted as reliable, in units of `on`. */
  value: number;
  on: ScoreName;
  source: string;
  /** Inclusive range a practice may choose from, where the published guidance gives one (PCL-5). */
  configurable?: { min: number; max: number; source: string };
};

export type InstrumentDefinition = {
  key: string;
  title: string;
  /** Version of this definition; every result records it. */
  version: string;
  /** Whether the instrument is a published, validated measure. */
  validated: boolean;
  instructions: string;
  /** The answer options shared by every item. */
  options: readonly AnswerOption[];
  items: readonly Item[];
  /** Human-readable scoring rule with its source; results carry it as `rule`. */
  scoring: {
    rule: string;
    /** WHO-5: percentage = total × multiplier. */
    percentageMultiplier?: number;
  };
  /** Named item groups (1-based item numbers) whose answers are summed. */
  subscales?: Readonly<Record<string, readonly number[]>>;
  bands: readonly Band[];
  flags: readonly Flag[];
  cutoff: Cutoff | null;
  caseness: Caseness | null;
  reliableChange: ReliableChange | null;
  /** Which way is better, for change categories. */
  direction: 'lower-is-better' | 'higher-is-better';
  license: string;
  attribution: string;
  codes?: { system: string; panel?: string; total?: string; subscales?: Record<string, string> }[];
  /** Anything a reader must know about this definition's text (e.g. wording not yet confirmed). */
  notes?: string;
  /**
   * A practice instrument imported from a FHIR Questionnaire (docs/measures.md, "Custom
   * instruments"): its own canonical URL (a practice's definition is not the project's), the
   * source it was derived from, and each item's `linkId` in the source form (in item order).
   */
  origin?: {
    practice: true;
    url: string;
    derivedFrom?: string;
    linkIds: readonly string[];
  };
};

/** An instrument named by key (a shipped one) or given as its definition (a practice's own). */
export type InstrumentRef = string | InstrumentDefinition;
