import { randomUUID } from 'node:crypto';
import type { Destruction } from '@throughline/contracts';
import { sql } from 'drizzle-orm';
import { type AccessContext, HIDDEN, perform } from '../access';
import {
  endingDetailsPurpose,
  endingReasonPurpose,
  episodeTitlePurpose,
  findEndingRow,
  phaseReasonPurpose,
  sealEndingContent,
} from '../episodes';
import { findDisplayNames } from '../identity';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { dayIn, retentionOfFacts } from './clock';
import { eraseEpisodeContent } from './erase';
import { findDestruction, findFacts, insertDestruction } from './repository';
import { isDue } from './retention-date';
import { retentionRuleOf } from './settings';

const ERASED_TEXT = 'Erased under the practice’s record-retention policy.';

/**
 * Destroys a closed episode's clinical content once its retention date is reached (ETHICS.md,
 * record retention): notes, psychotherapy notes, questionnaires, goals, messages, files,
 * agreements, sessions. What stays: the audit trail (untouched, so the chain still verifies), the
 * episode's skeleton (client, therapist, dates, phase history without reasons, the kind of
 * ending) and a tombstone naming who destroyed it, when, and what was erased with counts.
 * The administrator types the client's name to confirm. Before the date: 409, nothing changes.
 */
export async function destroyEpisode(
  ctx: AccessContext,
  episodeId: string,
  input: { confirm: string },
): Promise<Destruction> {
  const target = { resourceType: 'episode', resourceId: episodeId, what: 'episode' };
  return perform(ctx, 'episode.destroy', target, async (tx, step) => {
    const { actor } = step;
    const phase = await phaseOf(tx, actor.practiceId, episodeId);
    if (!phase) return HIDDEN;
    if (await findDestruction(tx, actor.practiceId, episodeId)) {
      throw new AppError('EPISODE_DESTROYED', 'This record has already been destroyed.');
    }
    const facts = await findFacts(tx, actor.practiceId, episodeId);
    if (!facts) {
      throw new AppError(
        'RETENTION_NOT_REACHED',
        'Only a closed episode can be destroyed, after its retention date. This episode is still open.',
      );
    }
    step.about({ clientId: facts.clientId });
    const rule = await retentionRuleOf(tx, actor.practiceId);
    const { retainUntil } = await retentionOfFacts(
      tx,
      ctx.services.keyring,
      actor.practiceId,
      rule,
      facts,
    );
    const today = dayIn(ctx.services.now(), facts.practiceTimeZone);
    if (!isDue(retainUntil, today)) {
      throw new AppError(
        'RETENTION_NOT_REACHED',
        `This record must be kept until ${retainUntil} under the practice's retention settings; it cannot be destroyed before then.`,
      );
    }
    if (input.confirm.trim() !== facts.clientName) {
      const message = `Type the client's name exactly as shown (${facts.clientName}) to confirm.`;
      throw new AppError('VALIDATION_FAILED', message, [{ path: 'confirm', message }]);
    }
    const erased = await eraseEpisodeContent(tx, actor.practiceId, episodeId);
    await sealKeptText(ctx, tx, actor.practiceId, episodeId);
    const now = ctx.services.now();
    await insertDestruction(tx, {
      practiceId: actor.practiceId,
      id: randomUUID(),
      episodeId,
      destroyedBy: actor.userId,
      destroyedAt: now,
      erased: { v: 1, erased },
    });
    step.audit({ detail: { retainUntil, ...erased } });
    const names = await findDisplayNames(tx, actor.practiceId, [actor.userId]);
    return {
      episodeId,
      destroyedAt: now,
      destroyedBy: { id: actor.userId, displayName: names.get(actor.userId) ?? '' },
      erased,
    };
  });
}

async function phaseOf(
  tx: Executor,
  practiceId: string,
  episodeId: string,
): Promise<string | undefined> {
  const result = await tx.execute<{ phase: string }>(
    sql`SELECT phase FROM episodes WHERE practice_id = ${practiceId} AND id = ${episodeId}`,
  );
  return result.rows[0]?.phase;
}

/** Replaces the sealed text of the rows that stay (title, phase reasons, ending) with a notice. */
async function sealKeptText(
  ctx: AccessContext,
  tx: Executor,
  practiceId: string,
  episodeId: string,
): Promise<void> {
  const { keyring } = ctx.services;
  const seal = (purpose: string) => keyring.encrypt(tx, practiceId, ERASED_TEXT, purpose);
  const title = await seal(episodeTitlePurpose(episodeId));
  await tx.execute(
    sql`UPDATE episodes SET title = ${title} WHERE practice_id = ${practiceId} AND id = ${episodeId}`,
  );
  const changes = await tx.execute<{ id: string }>(
    sql`SELECT id FROM episode_phase_changes WHERE practice_id = ${practiceId} AND episode_id = ${episodeId}`,
  );
  for (const { id } of changes.rows) {
    const reason = await seal(phaseReasonPurpose(id));
    await tx.execute(
      sql`UPDATE episode_phase_changes SET reason = ${reason} WHERE practice_id = ${practiceId} AND id = ${id}`,
    );
  }
  const ending = await findEndingRow(tx, practiceId, episodeId);
  if (ending) {
    await sealEndingContent(tx, practiceId, ending.id, {
      reason: await seal(endingReasonPurpose(ending.id)),
      details: await keyring.encrypt(
        tx,
        practiceId,
        JSON.stringify({ v: 1, kind: ending.kind, erased: true }),
        endingDetailsPurpose(ending.id),
      ),
    });
  }
}
