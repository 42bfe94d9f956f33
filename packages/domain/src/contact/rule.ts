import type { ContactTerms } from '@throughline/contracts';
import { type AccessContext, type EpisodeStep, phaseAllows, Refusal } from '../access';
import { readAgreementInEpisode } from '../agreements';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { governingVersion, readTerms } from './terms';

const refuse = (
  code: 'CONTACT_AGREEMENT_REQUIRED' | 'CONTACT_CHANNEL_OFF',
  rule: string,
  message: string,
) => new Refusal(new AppError(code, message, undefined, { rule }), { rule });

/**
 * The contact rule for a message (or its file), in the caller's transaction: the terms of the
 * newest version both parties accepted, or a 409 naming the rule — `contact-agreement-accepted`
 * when there is none, `channel-messages` when it has portal messages off. The phase rule is the
 * kernel's (POLICY `message.send`, `message.attach`).
 */
export async function messagingTerms(
  tx: Executor,
  ctx: AccessContext,
  step: EpisodeStep,
): Promise<{ terms: ContactTerms; version: number } | Refusal> {
  const view = await readAgreementInEpisode(tx, ctx, step.episode, 'contact-agreement');
  const governing = governingVersion(view);
  if (!governing)
    return refuse(
      'CONTACT_AGREEMENT_REQUIRED',
      'contact-agreement-accepted',
      view.current
        ? 'Messages open once the contact agreement has been accepted by both of you. The client can read and accept it in the portal.'
        : 'There is no contact agreement for this episode yet. Messages open once the therapist has proposed one and the client has accepted it.',
    );
  const terms = readTerms(governing);
  if (!terms.channels.messages)
    return refuse(
      'CONTACT_CHANNEL_OFF',
      'channel-messages',
      `The contact agreement you both accepted (version ${governing.version}) does not include portal messages. Talk about it at the next session; the therapist can propose a change.`,
    );
  return { terms, version: governing.version };
}

/**
 * Whether the client may message the therapist in this episode now: the kernel's phase rule for
 * `message.send` and the accepted terms' portal-messages channel — the same two rules as sending
 * (for the continuity kit's "ask for a check-in or to come back", issue 11).
 */
export async function clientMayMessage(
  tx: Executor,
  ctx: AccessContext,
  episode: Pick<EpisodeStep['episode'], 'practiceId' | 'id' | 'phase'>,
): Promise<boolean> {
  if (!phaseAllows('message.send', episode.phase, 'client')) return false;
  const governing = governingVersion(
    await readAgreementInEpisode(tx, ctx, episode, 'contact-agreement'),
  );
  return governing !== null && readTerms(governing).channels.messages;
}
