import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { AccessContext } from '../access';
import { agreementResponses, agreements, agreementVersions } from '../agreements/tables';
import { agreementContentPurpose } from '../agreements/views';
import { consentSignatures } from '../consent/tables';
import type { Executor } from '../shared/transaction';
import { checkIns } from './tables';

export type CheckInRow = typeof checkIns.$inferSelect;

/** The states of a check-in still to come: a withdrawal cancels these, never an answered one. */
export const FUTURE_STATES = ['scheduled', 'invited', 'reminded'] as const;

/** Whether the client has a live check-in consent (signed, not withdrawn or replaced). */
export async function hasLiveCheckInConsent(
  db: Executor,
  practiceId: string,
  clientId: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: consentSignatures.id })
    .from(consentSignatures)
    .where(
      and(
        eq(consentSignatures.practiceId, practiceId),
        eq(consentSignatures.clientId, clientId),
        eq(consentSignatures.kind, 'check-ins'),
        isNull(consentSignatures.endedAt),
      ),
    );
  return rows.length > 0;
}

/**
 * The check-in months of the episode's ending plan: the newest version both parties accepted
 * (agreement kind `ending-plan`, content `{ v: 1, …EndingPlanTerms }`). Empty without one.
 */
export async function acceptedCheckInMonths(
  tx: Executor,
  ctx: AccessContext,
  practiceId: string,
  episodeId: string,
): Promise<number[]> {
  const versions = await tx
    .select({ version: agreementVersions })
    .from(agreementVersions)
    .innerJoin(
      agreements,
      and(
        eq(agreements.practiceId, agreementVersions.practiceId),
        eq(agreements.id, agreementVersions.agreementId),
      ),
    )
    .where(
      and(
        eq(agreements.practiceId, practiceId),
        eq(agreements.episodeId, episodeId),
        eq(agreements.kind, 'ending-plan'),
      ),
    )
    .orderBy(desc(agreementVersions.version));
  if (versions.length === 0) return [];
  const answers = await tx
    .select()
    .from(agreementResponses)
    .where(
      and(
        eq(agreementResponses.practiceId, practiceId),
        inArray(
          agreementResponses.versionId,
          versions.map((v) => v.version.id),
        ),
      ),
    );
  const accepted = versions.find(({ version }) => {
    const own = answers.filter((a) => a.versionId === version.id);
    return own.length > 0 && own.every((a) => a.response === 'accepted');
  });
  if (!accepted) return [];
  const content = JSON.parse(
    await ctx.services.keyring.decrypt(
      tx,
      practiceId,
      accepted.version.content,
      agreementContentPurpose(accepted.version.id),
    ),
  ) as { checkIns?: { afterMonths: number }[] };
  return (content.checkIns ?? []).map((c) => c.afterMonths);
}

/** One check-in, locked for the rest of the transaction (the job and the client serialise). */
export async function lockCheckIn(
  tx: Executor,
  practiceId: string,
  id: string,
): Promise<CheckInRow | undefined> {
  const [row] = await tx
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.practiceId, practiceId), eq(checkIns.id, id)))
    .for('update');
  return row;
}

export function listCheckInsOfEpisode(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<CheckInRow[]> {
  return db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.practiceId, practiceId), eq(checkIns.episodeId, episodeId)))
    .orderBy(checkIns.dueOn);
}

/**
 * Cancels every check-in still to come, of one episode or of every episode of a client, in the
 * caller's transaction. Their queued jobs find them cancelled and do nothing. Returns the ids.
 */
export async function cancelFutureCheckIns(
  tx: Executor,
  practiceId: string,
  of: { episodeId: string } | { clientId: string },
  at: Date,
): Promise<string[]> {
  const rows = await tx
    .update(checkIns)
    .set({ status: 'cancelled', closedAt: at })
    .where(
      and(
        eq(checkIns.practiceId, practiceId),
        'episodeId' in of
          ? eq(checkIns.episodeId, of.episodeId)
          : eq(checkIns.clientId, of.clientId),
        inArray(checkIns.status, [...FUTURE_STATES]),
      ),
    )
    .returning({ id: checkIns.id });
  return rows.map((r) => r.id);
}
