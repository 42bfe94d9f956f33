import {
  CHANGE_CATEGORY_WORDS,
  type EndingSummaryFacts,
  type EndingSummaryWords,
  outcomeWords,
  type RelapsePrevention,
} from '@throughline/contracts';
import { DateTime } from 'luxon';
import type { AccessContext } from '../access';
import { listHomeworkSince } from '../carry-forward';
import type { Executor } from '../shared/transaction';
import { acceptedRelapsePlan, collectFacts, type EpisodeRef } from './facts';
import type { Names } from './views';

const EMPTY_PLAN: RelapsePrevention = {
  warningSigns: [],
  triggers: [],
  whatHelps: [],
  whoToContact: [],
  crisisPlan: '',
};

/** "3 March 2026": a calendar day written for a person. */
export const longDate = (day: string): string =>
  DateTime.fromISO(day).setLocale('en-GB').toFormat('d LLLL yyyy');

/**
 * The first draft of the therapist's words, from the record: a greeting by the client's preferred
 * name, how the goals went and what the questionnaires showed, what helped in the client's own
 * words (their comments on goals and homework, quoted as written), the relapse-prevention plan of
 * the accepted ending plan, and how to return. The therapist edits all of it before sharing.
 */
export function draftWords(
  facts: EndingSummaryFacts,
  names: Names,
  input: { clientWords: string[]; relapsePrevention: RelapsePrevention | null },
): EndingSummaryWords {
  const until = facts.lastSessionOn ? ` to ${longDate(facts.lastSessionOn)}` : '';
  const sessions =
    facts.attendedSessions === 1 ? '1 session' : `${facts.attendedSessions} sessions`;
  const goals = facts.goals.map((g) =>
    g.attainment
      ? `“${g.clientWords}”: ${g.attainment.words.toLowerCase()}.`
      : `“${g.clientWords}”: not reviewed together yet.`,
  );
  const scores = facts.scores
    .filter((s) => s.category)
    .map(
      (s) =>
        `${s.title}: from ${s.first.score} to ${s.last.score} (${CHANGE_CATEGORY_WORDS[s.category ?? 'no-reliable-change'].toLowerCase()}).`,
    );
  return {
    greeting: `Dear ${names.client},\n\nThis is a summary of our work together, from ${longDate(facts.startedOn)}${until}, for you to keep.`,
    progress: [
      `We met for ${sessions}.`,
      ...(goals.length > 0 ? ['Your goals, in your words:', ...goals] : []),
      ...scores,
      `Overall: ${outcomeWords(facts.outcome)}`,
    ].join('\n'),
    whatHelped: input.clientWords.slice(0, 20).map((w) => `“${w}”`),
    relapsePrevention: input.relapsePrevention ?? EMPTY_PLAN,
    howToReturn: `If things get harder again, or you would simply like to talk, you are welcome back. Send ${names.therapist} a message or contact ${names.practice}; a new course of sessions starts from where we left off, with this summary.`,
    closing: `It has been a privilege to work with you.\n\n${names.therapist}`,
  };
}

/** The facts and a first draft of the words, from the record of the episode. */
export async function draftFromRecord(
  tx: Executor,
  ctx: AccessContext,
  episode: EpisodeRef,
  names: Names,
): Promise<{ facts: EndingSummaryFacts; words: EndingSummaryWords }> {
  const facts = await collectFacts(tx, ctx, episode);
  const homework = await listHomeworkSince(tx, ctx.services.keyring, {
    practiceId: episode.practiceId,
    episodeId: episode.id,
    since: null,
  });
  const clientWords = [
    ...facts.goals.flatMap((g) => (g.clientRating?.comment ? [g.clientRating.comment] : [])),
    ...homework.flatMap((h) => (h.clientComment ? [h.clientComment] : [])),
  ];
  const relapsePrevention = await acceptedRelapsePlan(tx, ctx, episode);
  return { facts, words: draftWords(facts, names, { clientWords, relapsePrevention }) };
}
