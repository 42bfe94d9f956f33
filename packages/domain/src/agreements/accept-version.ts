import type { AccessContext } from '../access';
import { answerVersion } from './respond';
import type { AgreementVersionView } from './views';

/** The caller accepts a version as their party of the episode (see `answerInEpisode`). */
export function acceptAgreementVersion(
  ctx: AccessContext,
  input: { versionId: string },
): Promise<AgreementVersionView> {
  return answerVersion(ctx, { versionId: input.versionId, answer: 'accept' });
}
