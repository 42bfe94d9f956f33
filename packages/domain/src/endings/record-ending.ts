import { randomUUID } from 'node:crypto';
import type { Ending, RecordEnding } from '@throughline/contracts';
import { type AccessContext, findCoverDesignee, performOnEpisode } from '../access';
import { findClientMailContact } from '../clients';
import {
  endingDetailsPurpose,
  endingKindRefusal,
  endingReasonPurpose,
  findEndingRow,
  insertEndingRow,
  movePhaseInTx,
  phaseAfterEnding,
} from '../episodes';
import { findDisplayNames } from '../identity';
import { AppError } from '../shared/errors';
import { endingView } from './get-ending';
import { emailClientOfClosureLetter } from './notify';

/**
 * Records how an episode ended and moves its phase in the same transaction (issue 11; ETHICS.md:
 * "ending is never a status flip"). A planned ending leads to aftercare; every other kind closes
 * the episode. Each kind carries what the codes ask to be recorded: APA 10.10 (c) pretermination
 * contact and referrals unless precluded; outreach and a closure letter after a withdrawal
 * (ACA A.11); a handover summary for a transfer; the cover designee after the therapist's death
 * or incapacity (APA 3.12). Any refusal writes nothing.
 */
export async function recordEnding(
  ctx: AccessContext,
  episodeId: string,
  input: RecordEnding,
): Promise<Ending> {
  return performOnEpisode(ctx, 'episode.ending.record', episodeId, async (tx, step) => {
    const { actor, episode } = step;
    const now = ctx.services.now();
    const ofTherapist = input.kind === 'death-or-incapacity' && input.of === 'therapist';
    if (step.as === 'designee' && !ofTherapist) {
      throw new AppError(
        'ENDING_KIND_NOT_ALLOWED',
        "While covering, you can record only the therapist's death or incapacity; other endings are the therapist's to record.",
      );
    }
    if (await findEndingRow(tx, actor.practiceId, episodeId)) {
      throw new AppError(
        'ENDING_ALREADY_RECORDED',
        'How this episode ended is already recorded; an episode has one ending.',
      );
    }
    const refusal = endingKindRefusal(input.kind, episode.phase);
    if (refusal)
      throw new AppError('ENDING_KIND_NOT_ALLOWED', refusal, [{ path: 'kind', message: refusal }]);
    checkPretermination(input);
    const responsibleId = ofTherapist
      ? step.as === 'designee'
        ? actor.userId
        : await findCoverDesignee(tx, episode, now)
      : null;
    if (ofTherapist && !responsibleId) {
      throw new AppError(
        'ENDING_KIND_NOT_ALLOWED',
        'No cover designee is named for this episode. Arrange cover with a colleague first (Cover while away); they become responsible for the record.',
      );
    }
    const id = randomUUID();
    const { reason, ...form } = input;
    const { keyring } = ctx.services;
    const inserted = await insertEndingRow(tx, {
      practiceId: actor.practiceId,
      id,
      episodeId,
      kind: input.kind,
      reason: await keyring.encrypt(tx, actor.practiceId, reason, endingReasonPurpose(id)),
      details: await keyring.encrypt(
        tx,
        actor.practiceId,
        JSON.stringify({ v: 1, ...form }),
        endingDetailsPurpose(id),
      ),
      recordedBy: actor.userId,
      recordedAt: now,
      responsibleId: responsibleId ?? null,
    });
    if (!inserted) {
      throw new AppError(
        'ENDING_ALREADY_RECORDED',
        'How this episode ended was recorded just now by someone else. Reload it.',
      );
    }
    const to = phaseAfterEnding(input.kind);
    await movePhaseInTx(tx, ctx, episode, { to, reason, by: actor.userId });
    let mail: string | undefined;
    if (input.kind === 'client-withdrawal') {
      const client = await findClientMailContact(tx, actor.practiceId, {
        clientId: episode.clientId,
      });
      const names = await findDisplayNames(tx, actor.practiceId, [episode.therapistId]);
      mail = client
        ? await emailClientOfClosureLetter(tx, ctx.services, {
            practiceId: actor.practiceId,
            client,
            therapistName: names.get(episode.therapistId) ?? '',
          })
        : 'skipped-preferences';
    }
    step.audit({
      resourceType: 'episode-ending',
      resourceId: id,
      detail: { kind: input.kind, to, ...(mail ? { mail } : {}) },
    });
    return endingView(tx, ctx, actor.practiceId, episodeId);
  });
}

/** APA 10.10 (c): the pretermination contact and referrals, or why the client's actions preclude them. */
function checkPretermination(input: RecordEnding): void {
  if (input.kind !== 'therapist-initiated' || input.precludedBecause) return;
  const issues = [];
  if (!input.preterminationOn)
    issues.push({
      path: 'preterminationOn',
      message: 'When did you talk with the client about ending?',
    });
  if (input.referrals.length === 0)
    issues.push({
      path: 'referrals',
      message: 'Name at least one other provider the client can go to.',
    });
  if (issues.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      "Before ending therapy, record the pretermination contact and at least one referral (APA 10.10 c) — or, if the client's actions made that impossible, say why.",
      issues,
    );
  }
}
