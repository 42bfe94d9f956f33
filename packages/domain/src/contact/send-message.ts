import { randomUUID } from 'node:crypto';
import type { ContactTerms, SentMessage } from '@throughline/contracts';
import {
  type AccessContext,
  actsAsClient,
  type EpisodeStep,
  messageSide,
  performOnEpisode,
  Refusal,
} from '../access';
import { type EpisodeAttachment, findEpisodeAttachments } from '../carry-forward';
import { findClientMailContact } from '../clients';
import { readCrisisResources } from '../contact-settings';
import { findUserContacts } from '../identity';
import { raiseRiskLanguageAlert } from '../measures';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { withinWindows } from './hours';
import { emailClientOfMessage, emailTherapistOfMessage } from './notify';
import {
  countUnread,
  findByAttachment,
  insertMessage,
  messageBodyPurpose,
  setRiskAlert,
} from './repository';
import { messagingTerms } from './rule';
import { toMessage } from './views';

/** The reply a client sees at once when they write outside the therapist's hours. */
export function autoReplyText(terms: ContactTerms): string {
  const hours = terms.responseTimeHours;
  const within =
    hours % 24 === 0 ? `${hours / 24} ${hours === 24 ? 'day' : 'days'}` : `${hours} hours`;
  return `Thank you — your message has been delivered. Your therapist is not working right now and usually replies within ${within}, during their working hours. If you need help sooner, do not wait: use the crisis resources below.`;
}

/**
 * Sends a message in the episode, as its therapist or its client (issue 10). Governed by the
 * contact agreement: refused with 409 naming the rule when no version has been accepted by both
 * (`contact-agreement-accepted`) or the accepted one does not include messages
 * (`channel-messages`); a closed episode is refused by the kernel (POLICY `message.send`). A
 * client's message outside the therapist's windows is accepted and answered with the auto-reply;
 * a client's message is screened for risk language, raising an alert and returning crisis
 * resources on an urgent match. The other party is told by e-mail (see notify.ts).
 */
export function sendMessage(
  ctx: AccessContext,
  episodeId: string,
  input: { body: string; attachmentId?: string | undefined },
): Promise<SentMessage> {
  return performOnEpisode(ctx, 'message.send', episodeId, async (tx, step) => {
    const rule = await messagingTerms(tx, ctx, step);
    if (rule instanceof Refusal) return rule;
    const { terms, version } = rule;
    const attachment = input.attachmentId
      ? await attachableFile(tx, ctx, step, input.attachmentId)
      : null;
    const now = ctx.services.now();
    const fromClient = actsAsClient(step);
    const outsideHours = fromClient && !withinWindows(terms.availability, terms.timeZone, now);
    const { practiceId } = step.episode;
    const id = randomUUID();
    const row = await insertMessage(tx, {
      practiceId,
      id,
      episodeId,
      senderId: step.actor.userId,
      senderParty: messageSide(step),
      body: await ctx.services.keyring.encrypt(tx, practiceId, input.body, messageBodyPurpose(id)),
      sentAt: now,
      agreementVersion: version,
      outsideHours,
      attachmentId: attachment?.id ?? null,
    });
    const risk = fromClient
      ? await raiseRiskLanguageAlert(tx, ctx, {
          practiceId,
          episodeId,
          messageId: id,
          body: input.body,
        })
      : { level: 'none' as const, alertId: null };
    if (risk.alertId) await setRiskAlert(tx, { practiceId, id }, risk.alertId);
    const names = await notifyOtherParty(tx, ctx, step, terms, risk.level === 'urgent');
    step.audit({
      resourceType: 'message',
      resourceId: id,
      detail: {
        from: messageSide(step),
        outsideHours,
        risk: risk.level,
        agreementVersion: version,
        attachment: attachment !== null,
      },
    });
    const crisis =
      outsideHours || risk.level === 'urgent' ? await readCrisisResources(tx, practiceId) : null;
    const message = await toMessage(tx, ctx, row, {
      party: messageSide(step),
      names,
      attachments: new Map(attachment ? [[attachment.id, attachment]] : []),
    });
    return {
      ...message,
      ...(outsideHours && crisis
        ? {
            autoReply: {
              text: autoReplyText(terms),
              responseTimeHours: terms.responseTimeHours,
              crisisResources: crisis,
            },
          }
        : {}),
      ...(risk.level === 'urgent' && crisis ? { crisisResources: crisis } : {}),
    };
  });
}

/**
 * E-mails the recipient once per run of unread messages (the first unread one), so a burst of
 * messages is one notice. The client only if the agreement includes e-mail notifications.
 */
async function notifyOtherParty(
  tx: Executor,
  ctx: AccessContext,
  step: EpisodeStep,
  terms: ContactTerms,
  urgent: boolean,
): Promise<Map<string, { displayName: string; email: string | null; active: boolean }>> {
  const { practiceId, therapistId, clientId } = step.episode;
  const names = await findUserContacts(tx, practiceId, [therapistId, step.actor.userId]);
  const recipient = actsAsClient(step) ? 'therapist' : 'client';
  const firstUnread = (await countUnread(tx, practiceId, step.episode.id, recipient)) === 1;
  if (!firstUnread && !urgent) return names;
  if (recipient === 'therapist') {
    const therapist = names.get(therapistId);
    if (therapist?.active && therapist.email)
      await emailTherapistOfMessage(tx, ctx.services, {
        practiceId,
        to: therapist.email,
        episodeId: step.episode.id,
        urgent,
      });
    return names;
  }
  const client = await findClientMailContact(tx, practiceId, { clientId });
  if (client && terms.channels.email)
    await emailClientOfMessage(tx, ctx.services, {
      practiceId,
      client,
      therapistName: names.get(therapistId)?.displayName ?? 'Your therapist',
    });
  return names;
}

/**
 * The file to send with a message: one the sender uploaded in this episode and not yet sent with
 * another message. Anything else is a 400 (nothing is stored).
 */
async function attachableFile(
  tx: Executor,
  ctx: AccessContext,
  step: EpisodeStep,
  attachmentId: string,
): Promise<EpisodeAttachment> {
  const found = (await findEpisodeAttachments(tx, ctx, step.episode, [attachmentId])).get(
    attachmentId,
  );
  const problem =
    !found || found.uploadedBy !== step.actor.userId
      ? 'That file was not uploaded by you in this conversation; upload it again.'
      : (await findByAttachment(tx, step.episode.practiceId, attachmentId))
        ? 'That file has already been sent with another message; upload it again to send it again.'
        : null;
  if (problem || !found)
    throw new AppError('VALIDATION_FAILED', problem ?? 'Upload the file again.', [
      { path: 'attachmentId', message: problem ?? 'Upload the file again.' },
    ]);
  return found;
}
