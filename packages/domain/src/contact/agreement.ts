import type {
  ContactAgreement,
  ContactDefaults,
  ProposeContactAgreement,
} from '@throughline/contracts';
import {
  type AccessContext,
  type EpisodeStep,
  HIDDEN,
  isPartyOf,
  performOnEpisode,
  Refusal,
  signedIn,
} from '../access';
import {
  type AgreementView,
  answerInEpisode,
  proposeInEpisode,
  readAgreementInEpisode,
} from '../agreements';
import { findClientMailContact } from '../clients';
import { readContactDefaults, readCrisisResources } from '../contact-settings';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { termsFrom, toContactAgreement } from './terms';

const KIND = 'contact-agreement' as const;

async function present(
  tx: Executor,
  ctx: AccessContext,
  step: EpisodeStep,
  view: AgreementView,
): Promise<ContactAgreement | null> {
  if (!view.current) return null;
  const { practiceId, clientId } = step.episode;
  const client = await findClientMailContact(tx, practiceId, { clientId });
  return toContactAgreement(view, view.current, {
    clientTimeZone: client?.timeZone ?? 'UTC',
    now: ctx.services.now(),
    crisisResources: await readCrisisResources(tx, practiceId),
  });
}

/** The episode's current contact agreement version (404 when none has been proposed). */
export function getContactAgreement(
  ctx: AccessContext,
  episodeId: string,
): Promise<ContactAgreement> {
  return performOnEpisode(ctx, 'contact-agreement.read', episodeId, async (tx, step) => {
    const view = await readAgreementInEpisode(tx, ctx, step.episode, KIND);
    const shown = await present(tx, ctx, step, view);
    if (!shown) {
      // The episode is the caller's; there is simply no agreement yet (audited as a read).
      step.audit({ detail: { version: null } });
      return new Refusal(
        new AppError(
          'NOT_FOUND',
          'No contact agreement has been proposed for this episode yet. The therapist proposes one; the client then reads and accepts it.',
        ),
      );
    }
    step.audit({
      resourceType: 'agreement',
      resourceId: view.current?.agreementId ?? null,
      detail: { version: shown.version },
    });
    return shown;
  });
}

/**
 * The therapist proposes a new version (ETHICS.md: contact happens through the channels the client
 * chose; APA 10.08 for the rules after the ending). Texts left out take the practice's defaults.
 * The proposal is the therapist's acceptance; the client accepts it in the portal.
 */
export async function proposeContactAgreement(
  ctx: AccessContext,
  episodeId: string,
  input: ProposeContactAgreement,
): Promise<ContactAgreement> {
  const defaults = await readContactDefaults(ctx.services.db, signedIn(ctx).practiceId);
  const terms = termsFrom(input, defaults); // a bad zone is a 400 before any transaction
  return performOnEpisode(ctx, 'contact-agreement.propose', episodeId, async (tx, step) => {
    if (!isPartyOf(step))
      throw new Error('proposeContactAgreement: the policy admits parties only');
    const version = await proposeInEpisode(
      tx,
      ctx,
      step,
      { kind: KIND, content: terms },
      { party: step.as, userId: step.actor.userId },
    );
    step.audit({
      resourceType: 'agreement-version',
      resourceId: version.id,
      detail: { version: version.version },
    });
    const view = await readAgreementInEpisode(tx, ctx, step.episode, KIND);
    return (await present(tx, ctx, step, view)) ?? HIDDEN;
  });
}

/**
 * A party accepts the version they read, by number. A version that has since been replaced is
 * refused with 409 (read the current one); a number that was never proposed is a 404.
 */
export function acceptContactAgreement(
  ctx: AccessContext,
  episodeId: string,
  input: { version: number },
): Promise<ContactAgreement> {
  return performOnEpisode(ctx, 'contact-agreement.accept', episodeId, async (tx, step) => {
    const before = await readAgreementInEpisode(tx, ctx, step.episode, KIND);
    const target = before.versions.find((v) => v.version === input.version);
    if (!target)
      throw new AppError(
        'NOT_FOUND',
        `There is no version ${input.version} of this episode's contact agreement; read the current version and accept that one.`,
      );
    const answered = await answerInEpisode(tx, ctx, step, step.actor, {
      versionId: target.id,
      answer: 'accept',
    });
    if (answered instanceof Refusal) return answered;
    step.audit({
      resourceType: 'agreement-version',
      resourceId: target.id,
      detail: { version: target.version },
    });
    const view = await readAgreementInEpisode(tx, ctx, step.episode, KIND);
    return (await present(tx, ctx, step, view)) ?? HIDDEN;
  });
}

/** The practice's defaults a therapist starts a contact agreement from. */
export async function getContactDefaults(ctx: AccessContext): Promise<ContactDefaults> {
  return readContactDefaults(ctx.services.db, signedIn(ctx).practiceId);
}
