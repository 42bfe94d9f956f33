import { randomUUID } from 'node:crypto';
import type { GiveReadinessView, Readiness } from '@throughline/contracts';
import { type AccessContext, isPartyOf, performOnEpisode } from '../access';
import { buildReadiness } from './read-readiness';
import { insertView, readinessWordsPurpose } from './repository';

/**
 * One side gives their view of readiness to end (issue 11): the therapist in the app, the client
 * in the portal, each for themself. Open episodes only (the kernel's phase rule); the words are
 * encrypted; a newer view replaces the shown one and the older stays in the history.
 */
export function giveReadinessView(
  ctx: AccessContext,
  episodeId: string,
  input: { level: number; words: string },
): Promise<Readiness> {
  return performOnEpisode(ctx, 'readiness.view.give', episodeId, async (tx, step) => {
    if (!isPartyOf(step)) throw new Error('readiness: the policy admits only the two parties');
    const { practiceId } = step.episode;
    const id = randomUUID();
    await insertView(tx, {
      practiceId,
      id,
      episodeId,
      party: step.as,
      level: input.level,
      words: await ctx.services.keyring.encrypt(
        tx,
        practiceId,
        input.words,
        readinessWordsPurpose(id),
      ),
      givenBy: step.actor.userId,
      givenAt: ctx.services.now(),
    });
    step.audit({
      resourceType: 'readiness-view',
      resourceId: id,
      detail: { party: step.as, level: input.level },
    });
    return buildReadiness(tx, ctx, step);
  });
}

export type { GiveReadinessView };
