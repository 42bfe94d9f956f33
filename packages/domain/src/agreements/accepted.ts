import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import { type AgreementKind, agreementResponses, agreements, agreementVersions } from './tables';
import { type AgreementContent, agreementContentPurpose } from './views';

/**
 * The content of the newest version of an episode's agreement of `kind` that every required party
 * accepted (superseded or not), decrypted; undefined when none was accepted. For modules that act
 * on what was agreed (the check-ins of an ending plan).
 */
export async function latestAcceptedContent(
  tx: Executor,
  ctx: AccessContext,
  q: { practiceId: string; episodeId: string; kind: AgreementKind },
): Promise<AgreementContent | undefined> {
  return (await latestAccepted(tx, ctx, q))?.content;
}

/** The newest version every required party accepted, with its id, number and acceptance time. */
export type AcceptedVersion = {
  id: string;
  version: number;
  content: AgreementContent;
  /** When the last required party accepted it. */
  acceptedAt: Date;
};

/** `latestAcceptedContent` with the version it came from (the record export, issue 12). */
export async function latestAccepted(
  tx: Executor,
  ctx: AccessContext,
  q: { practiceId: string; episodeId: string; kind: AgreementKind },
): Promise<AcceptedVersion | undefined> {
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
        eq(agreements.practiceId, q.practiceId),
        eq(agreements.episodeId, q.episodeId),
        eq(agreements.kind, q.kind),
      ),
    )
    .orderBy(desc(agreementVersions.version));
  if (versions.length === 0) return undefined;
  const answers = await tx
    .select()
    .from(agreementResponses)
    .where(
      and(
        eq(agreementResponses.practiceId, q.practiceId),
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
  if (!accepted) return undefined;
  const plain = await ctx.services.keyring.decrypt(
    tx,
    q.practiceId,
    accepted.version.content,
    agreementContentPurpose(accepted.version.id),
  );
  const own = answers.filter((a) => a.versionId === accepted.version.id);
  const acceptedAt = new Date(
    Math.max(...own.map((a) => (a.respondedAt ?? accepted.version.proposedAt).getTime())),
  );
  return {
    id: accepted.version.id,
    version: accepted.version.version,
    content: JSON.parse(plain) as AgreementContent,
    acceptedAt,
  };
}
