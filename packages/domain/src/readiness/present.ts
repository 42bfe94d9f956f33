import { type Readiness, type ReadinessView, readinessDisagreement } from '@throughline/contracts';
import type { AccessContext } from '../access';
import { findDisplayNames } from '../identity';
import type { Executor } from '../shared/transaction';
import { type ReadinessViewRow, readinessWordsPurpose } from './repository';

/** Opens the views (newest first) and picks each side's latest: a newer view replaces the shown one. */
export async function presentViews(
  tx: Executor,
  ctx: AccessContext,
  rows: readonly ReadinessViewRow[],
  names: { client: string },
): Promise<Pick<Readiness, 'current' | 'disagreement' | 'history'>> {
  const practiceId = rows[0]?.practiceId ?? '';
  const staff = await findDisplayNames(
    tx,
    practiceId,
    rows.filter((r) => r.party === 'therapist').map((r) => r.givenBy),
  );
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
      // The client is named as they asked to be called; the therapist by their account's name.
      givenBy: r.party === 'client' ? names.client : (staff.get(r.givenBy) ?? 'The therapist'),
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
