import type { AccessContext } from '../access';
import { recordAudit } from '../audit';
import type { Executor } from '../shared/transaction';
import { listResponses, listVersions, lockAgreement } from './repository';
import { inPartyEpisode } from './scope';
import type { AgreementKind } from './tables';
import { type AgreementVersionView, presentVersion } from './views';

export type AgreementView = {
  episodeId: string;
  kind: AgreementKind;
  /** The version not yet superseded, whatever its state; null before any proposal. */
  current: AgreementVersionView | null;
  /** Every version, newest first, with who answered what and when. */
  versions: AgreementVersionView[];
};

/** The episode's agreement of a kind with its history, for a party of the episode (audited). */
export function readAgreement(
  ctx: AccessContext,
  input: { episodeId: string; kind: AgreementKind },
): Promise<AgreementView> {
  return inPartyEpisode(
    ctx,
    {
      action: 'agreement.read',
      resourceType: 'episode',
      resourceId: input.episodeId,
      episodeOf: async () => input.episodeId,
    },
    async (tx, access) => {
      const view = await readInEpisode(tx, ctx, access.episode, input.kind);
      await recordAudit(tx, ctx, {
        action: 'agreement.read',
        resourceType: 'agreement',
        resourceId: view.current?.agreementId ?? view.versions[0]?.agreementId ?? null,
        outcome: 'success',
        subjectClientId: access.episode.clientId,
        detail: { kind: input.kind, versions: view.versions.length },
      });
      return view;
    },
  );
}

/**
 * The episode's agreement of a kind with its history, inside the caller's transaction, for a use
 * case that has already admitted the caller to the episode (and audits its own step). Locks the
 * agreement row, so a proposal or an answer cannot interleave with the read.
 */
export async function readInEpisode(
  tx: Executor,
  ctx: AccessContext,
  episode: { practiceId: string; id: string },
  kind: AgreementKind,
): Promise<AgreementView> {
  const { practiceId } = episode;
  const agreement = await lockAgreement(tx, practiceId, episode.id, kind, false);
  const rows = agreement ? await listVersions(tx, practiceId, agreement.id) : [];
  const responses = await listResponses(
    tx,
    practiceId,
    rows.map((r) => r.id),
  );
  const versions = agreement
    ? await Promise.all(rows.map((r) => presentVersion(tx, ctx, agreement, r, responses)))
    : [];
  return {
    episodeId: episode.id,
    kind,
    current: versions.find((v) => v.supersededAt === null) ?? null,
    versions,
  };
}
