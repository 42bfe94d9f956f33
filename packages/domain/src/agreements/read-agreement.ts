import type { AccessContext } from '../access';
import { recordAudit } from '../audit';
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
      const { practiceId } = access.episode;
      const agreement = await lockAgreement(tx, practiceId, input.episodeId, input.kind, false);
      const rows = agreement ? await listVersions(tx, practiceId, agreement.id) : [];
      const responses = await listResponses(
        tx,
        practiceId,
        rows.map((r) => r.id),
      );
      const versions = agreement
        ? await Promise.all(rows.map((r) => presentVersion(tx, ctx, agreement, r, responses)))
        : [];
      await recordAudit(tx, ctx, {
        action: 'agreement.read',
        resourceType: 'agreement',
        resourceId: agreement?.id ?? null,
        outcome: 'success',
        detail: { kind: input.kind, versions: versions.length },
      });
      return {
        episodeId: input.episodeId,
        kind: input.kind,
        current: versions.find((v) => v.supersededAt === null) ?? null,
        versions,
      };
    },
  );
}
