import { type Readiness, type ReadinessView, readinessDisagreement } from '@throughline/contracts';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import { type ReadinessViewRow, readinessWordsPurpose } from './repository';

/** Opens the views (newest first) and picks each side's latest: a newer view replaces the shown one. */
export async function presentViews(
  tx: Executor,
  ctx: AccessContext,
  rows: readonly ReadinessViewRow[],
): Promise<Pick<Readiness, 'current' | 'disagreement' | 'history'>> {
  const history: ReadinessView[] = await Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      party: r.party,
      level: r.level,
      words: await ctx.services.keyring.decrypt(
        tx,
        r.practiceId,
        r.words,
        readinessWordsPurpose(r.id),
      ),
      givenBy: r.givenByName,
      givenAt: r.givenAt,
    })),
  );
  const client = history.find((v) => v.party === 'client') ?? null;
  const therapist = history.find((v) => v.party === 'therapist') ?? null;
  return {
    current: { client, therapist },
    disagreement: readinessDisagreement(client, therapist),
    history,
  };
}
