import type { AccessContext } from '../access';
import { answerVersion } from './respond';
import type { AgreementVersionView } from './views';

/** The caller declines a version as their party of the episode; it stays declined. */
export function declineAgreementVersion(
  ctx: AccessContext,
  input: { versionId: string },
): Promise<AgreementVersionView> {
  return answerVersion(ctx, { versionId: input.versionId, answer: 'decline' });
}
