import { randomUUID } from 'node:crypto';
import type { AccessContext } from '../access';
import { recordAudit } from '../audit';
import type { EpisodeAccess } from '../episodes';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import {
  insertVersion,
  listResponses,
  lockAgreement,
  lockVersion,
  supersedeCurrent,
} from './repository';
import { inPartyEpisode } from './scope';
import { AGREEMENT_PARTIES, type AgreementKind, type AgreementParty } from './tables';
import {
  type AgreementContent,
  type AgreementVersionView,
  agreementContentPurpose,
  presentVersion,
} from './views';

export type ProposeInput = {
  kind: AgreementKind;
  content: AgreementContent;
  /** The record the version is about, when there is one (a treatment plan version). */
  subjectId?: string;
  /** Who must agree; default both parties of the episode. The proposer must be one of them. */
  parties?: readonly AgreementParty[];
};

/**
 * Proposes a new version inside the caller's transaction, on an episode already found visible:
 * the version still current is superseded (its answers are kept, it can no longer be accepted),
 * the proposer's proposal counts as their acceptance, the others are asked. Audited as
 * `agreement.propose`. `proposer` defaults to the actor as the party `access.as`; a plan shared
 * before agreements existed is proposed on behalf of the therapist who shared it.
 */
export async function proposeInEpisode(
  tx: Executor,
  ctx: AccessContext,
  access: EpisodeAccess,
  input: ProposeInput,
  proposer: { party: AgreementParty; userId: string; at?: Date },
): Promise<AgreementVersionView> {
  const { practiceId, id: episodeId } = access.episode;
  const parties = input.parties ?? AGREEMENT_PARTIES;
  if (!parties.includes(proposer.party))
    throw new AppError('VALIDATION_FAILED', 'The proposer must be one of the required parties.');
  if (typeof input.content?.v !== 'number')
    throw new AppError(
      'VALIDATION_FAILED',
      'The content of an agreement needs a version field `v`.',
    );
  const agreement = await lockAgreement(tx, practiceId, episodeId, input.kind, true);
  if (!agreement) throw new Error('agreement row missing after insert');
  const now = ctx.services.now();
  const previous = await supersedeCurrent(tx, practiceId, agreement.id, now);
  const id = randomUUID();
  await insertVersion(
    tx,
    {
      practiceId,
      id,
      agreementId: agreement.id,
      version: previous + 1,
      content: await ctx.services.keyring.encrypt(
        tx,
        practiceId,
        JSON.stringify(input.content),
        agreementContentPurpose(id),
      ),
      subjectId: input.subjectId ?? null,
      proposedBy: proposer.userId,
      proposedAt: proposer.at ?? now,
    },
    parties.map((party) => ({
      party,
      ...(party === proposer.party ? { acceptedBy: proposer.userId } : {}),
    })),
  );
  await recordAudit(tx, ctx, {
    action: 'agreement.propose',
    resourceType: 'agreement-version',
    resourceId: id,
    outcome: 'success',
    // The client's record: their access report lists it (once, with the action around it).
    subjectClientId: access.episode.clientId,
    detail: { kind: input.kind, version: previous + 1, supersedes: previous || null },
  });
  const locked = await lockVersion(tx, practiceId, id);
  if (!locked) throw new Error('agreement version missing after insert');
  return presentVersion(
    tx,
    ctx,
    agreement,
    locked.version,
    await listResponses(tx, practiceId, [id]),
  );
}

/** Proposes a new version of the episode's agreement of a kind, as the caller's party. */
export function proposeAgreement(
  ctx: AccessContext,
  input: ProposeInput & { episodeId: string },
): Promise<AgreementVersionView> {
  return inPartyEpisode(
    ctx,
    {
      action: 'agreement.propose',
      resourceType: 'episode',
      resourceId: input.episodeId,
      episodeOf: async () => input.episodeId,
    },
    async (tx, access, actor) =>
      proposeInEpisode(tx, ctx, access, input, { party: access.as, userId: actor.userId }),
  );
}
