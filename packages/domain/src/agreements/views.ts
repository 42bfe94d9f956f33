import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import type { ResponseRow, VersionRow } from './repository';
import type { AgreementKind, AgreementParty } from './tables';

/** Encryption purpose of a version's content (field encryption associated data). */
export const agreementContentPurpose = (versionId: string): string =>
  `agreement.content:${versionId}`;

/** What is proposed: JSON with a version field, shape per kind. */
export type AgreementContent = { v: number } & Record<string, unknown>;

/**
 * The state of a version: `superseded` once a newer one is proposed; otherwise `declined` if any
 * required party declined, `accepted` when every required party accepted, else `proposed`.
 */
export type VersionState = 'proposed' | 'accepted' | 'declined' | 'superseded';

export type PartyAnswer = {
  party: AgreementParty;
  response: 'pending' | 'accepted' | 'declined';
  respondedBy: string | null;
  respondedAt: Date | null;
};

export type AgreementVersionView = {
  id: string;
  agreementId: string;
  episodeId: string;
  kind: AgreementKind;
  version: number;
  state: VersionState;
  subjectId: string | null;
  proposedBy: string;
  proposedAt: Date;
  supersededAt: Date | null;
  parties: PartyAnswer[];
  content: AgreementContent;
};

export function versionState(version: VersionRow, responses: readonly ResponseRow[]): VersionState {
  if (version.supersededAt) return 'superseded';
  if (responses.some((r) => r.response === 'declined')) return 'declined';
  if (responses.every((r) => r.response === 'accepted')) return 'accepted';
  return 'proposed';
}

export async function presentVersion(
  tx: Executor,
  ctx: AccessContext,
  agreement: { episodeId: string; kind: AgreementKind },
  version: VersionRow,
  responses: readonly ResponseRow[],
): Promise<AgreementVersionView> {
  const own = responses.filter((r) => r.versionId === version.id);
  const content = JSON.parse(
    await ctx.services.keyring.decrypt(
      tx,
      version.practiceId,
      version.content,
      agreementContentPurpose(version.id),
    ),
  ) as AgreementContent;
  return {
    id: version.id,
    agreementId: version.agreementId,
    episodeId: agreement.episodeId,
    kind: agreement.kind,
    version: version.version,
    state: versionState(version, own),
    subjectId: version.subjectId,
    proposedBy: version.proposedBy,
    proposedAt: version.proposedAt,
    supersededAt: version.supersededAt,
    parties: own
      .map((r) => ({
        party: r.party,
        response: r.response,
        respondedBy: r.respondedBy,
        respondedAt: r.respondedAt,
      }))
      .sort((a, b) => a.party.localeCompare(b.party)),
    content,
  };
}
