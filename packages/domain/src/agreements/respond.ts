import { type AccessContext, isPartyOf, type SignedIn } from '../access';
import { recordAudit } from '../audit';
import type { EpisodeAccess } from '../episodes';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { listResponses, lockVersion, setResponse } from './repository';
import { inPartyEpisode, Refusal, supersededError } from './scope';
import { type AgreementVersionView, presentVersion } from './views';

export type Answer = 'accept' | 'decline';

/**
 * Answers a version inside the caller's transaction as the caller's party of the episode
 * (`access.as`). Refused with 409 (audited as failure): a superseded version, a version that is
 * already declined (a declined version stays declined), a party who already answered otherwise,
 * or a party not asked. Answering the same way twice keeps the first answer and its time.
 */
export async function answerInEpisode(
  tx: Executor,
  ctx: AccessContext,
  access: EpisodeAccess,
  actor: SignedIn,
  input: { versionId: string; answer: Answer },
): Promise<AgreementVersionView | Refusal> {
  // Only a party answers; a supervisor or designee never reaches here through the policy.
  if (!isPartyOf(access)) throw new Error('answerInEpisode: the caller is not a party');
  const party = access.as;
  const action = input.answer === 'accept' ? 'agreement.accept' : 'agreement.decline';
  const wanted = input.answer === 'accept' ? 'accepted' : 'declined';
  const found = await lockVersion(tx, access.episode.practiceId, input.versionId);
  if (!found || found.agreement.episodeId !== access.episode.id)
    throw new Error('answerInEpisode: the version is not of this episode');
  const { version, agreement } = found;
  const responses = await listResponses(tx, version.practiceId, [version.id]);
  const mine = responses.find((r) => r.party === party);
  const refusal = (reason: string, error: AppError): Promise<Refusal> =>
    recordAudit(tx, ctx, {
      action,
      resourceType: 'agreement-version',
      resourceId: version.id,
      outcome: 'failure',
      detail: { kind: agreement.kind, version: version.version, reason },
    }).then(() => new Refusal(error));

  if (version.supersededAt) return refusal('superseded', supersededError());
  if (!mine)
    return refusal(
      'not-asked',
      new AppError('AGREEMENT_ANSWERED', 'You are not asked to agree to this version.'),
    );
  if (mine.response !== 'pending' && mine.response !== wanted)
    return refusal(
      'already-answered',
      new AppError(
        'AGREEMENT_ANSWERED',
        `You already ${mine.response} this version; a new version has to be proposed to change it.`,
      ),
    );
  if (wanted === 'accepted' && responses.some((r) => r.response === 'declined'))
    return refusal(
      'declined',
      new AppError(
        'AGREEMENT_ANSWERED',
        'This version was declined and stays declined; a new version has to be proposed.',
      ),
    );
  if (mine.response === 'pending')
    await setResponse(
      tx,
      { practiceId: version.practiceId, versionId: version.id, party },
      { response: wanted, by: actor.userId, at: ctx.services.now() },
    );
  await recordAudit(tx, ctx, {
    action,
    resourceType: 'agreement-version',
    resourceId: version.id,
    outcome: 'success',
    // The client's record: their access report lists it (once, with the action around it).
    subjectClientId: access.episode.clientId,
    detail: { kind: agreement.kind, version: version.version, party: access.as },
  });
  return presentVersion(
    tx,
    ctx,
    agreement,
    version,
    await listResponses(tx, version.practiceId, [version.id]),
  );
}

/** Answers a version as the caller; not a party of its episode (or no such version) → 404. */
export function answerVersion(
  ctx: AccessContext,
  input: { versionId: string; answer: Answer },
): Promise<AgreementVersionView> {
  return inPartyEpisode(
    ctx,
    {
      action: input.answer === 'accept' ? 'agreement.accept' : 'agreement.decline',
      resourceType: 'agreement-version',
      resourceId: input.versionId,
      episodeOf: async (tx, practiceId) =>
        (await lockVersion(tx, practiceId, input.versionId))?.agreement.episodeId,
    },
    (tx, access, actor) => answerInEpisode(tx, ctx, access, actor, input),
  );
}
