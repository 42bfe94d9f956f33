import { type AccessContext, signedIn } from '../access';
import { detectExcludedContent, type ExcludedContentWarning } from './excluded-content';

/**
 * The editor's live check (HIPAA 45 CFR 164.501 exclusions). Nothing is stored or logged: the
 * text is only scanned, so there is no clinical read or write to audit.
 */
export function checkPsychotherapyNote(
  ctx: AccessContext,
  input: { body: string },
): { warnings: ExcludedContentWarning[] } {
  signedIn(ctx);
  return { warnings: detectExcludedContent(input.body) };
}
