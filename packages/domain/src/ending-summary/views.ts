import {
  defaultPaper,
  type EndingSummary,
  type EndingSummaryFacts,
  type EndingSummaryWords,
} from '@throughline/contracts';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import type { SummaryRow } from './repository';

/** Encryption purpose of a summary version's content (field encryption associated data). */
export const summaryContentPurpose = (id: string): string => `ending-summary.content:${id}`;

/** Stored JSON carries a version (STYLE.md habit 6). */
export type StoredSummary = { v: 1; facts: EndingSummaryFacts; words: EndingSummaryWords };

/** Keys of the facts that hold instants, revived from their JSON strings. */
const INSTANTS = new Set(['asOf', 'reviewedAt', 'ratedAt', 'at']);

export function parseStored(json: string): StoredSummary {
  return JSON.parse(json, (key, value) =>
    INSTANTS.has(key) && typeof value === 'string' ? new Date(value) : value,
  ) as StoredSummary;
}

export function sealSummary(
  tx: Executor,
  ctx: AccessContext,
  row: { practiceId: string; id: string },
  content: StoredSummary,
): Promise<string> {
  return ctx.services.keyring.encrypt(
    tx,
    row.practiceId,
    JSON.stringify(content),
    summaryContentPurpose(row.id),
  );
}

export async function openSummary(
  tx: Executor,
  ctx: AccessContext,
  row: SummaryRow,
): Promise<StoredSummary> {
  return parseStored(
    await ctx.services.keyring.decrypt(
      tx,
      row.practiceId,
      row.content,
      summaryContentPurpose(row.id),
    ),
  );
}

export type Names = { client: string; therapist: string; practice: string; zone: string };

export function present(
  episodeId: string,
  names: Names,
  content: StoredSummary,
  state: {
    version: number;
    sharedAt: Date | null;
    sharedVersion: number | null;
    savedAt: Date | null;
  },
): EndingSummary {
  return {
    episodeId,
    version: state.version,
    state: state.sharedAt ? 'shared' : 'draft',
    sharedAt: state.sharedAt,
    sharedVersion: state.sharedVersion,
    savedAt: state.savedAt,
    practiceName: names.practice,
    paper: defaultPaper(names.zone),
    therapistName: names.therapist,
    client: { name: names.client },
    facts: content.facts,
    words: content.words,
  };
}
