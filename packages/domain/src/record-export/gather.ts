import type { EndingPlanTerms } from '@throughline/contracts';
import type { AccessContext, SignedIn } from '../access';
import { latestAccepted } from '../agreements';
import { listSessionsForRecord, type SessionRecord } from '../appointments';
import { type ClientView, findClientForRecord, findClientInPractice } from '../clients';
import { type ConsentRecord, listConsentsForRecord } from '../consent';
import { listMessagesForRecord, type MessageRecord } from '../contact';
import { readAgreedEndingPlan } from '../ending-plan';
import { type EndingSummaryRecord, endingSummaryForRecord } from '../ending-summary';
import { type EpisodeRecord, listEpisodesForRecord } from '../episodes';
import {
  type GoalRecord,
  listGoalsForRecord,
  listSharedPlansForRecord,
  type SharedPlanRecord,
} from '../goals';
import { findDisplayNames, findPracticeById } from '../identity';
import { listResponsesForRecord, type ResponseRecord } from '../measures';
import { listSignedNotesForRecord, type SignedNoteRecord } from '../notes';
import type { Executor } from '../shared/transaction';
import { type ExportScope, includes } from './scope';

export type ContactAgreementRecord = {
  id: string;
  episodeId: string;
  version: number;
  therapistId: string;
  terms: Record<string, unknown>;
  agreedAt: Date;
};

export type RelapsePreventionRecord = {
  episodeId: string;
  therapistId: string;
  planVersion: number;
  agreedAt: Date;
  terms: EndingPlanTerms['relapsePrevention'];
};

/** Everything one client's record export needs, opened, in the caller's transaction. */
export type RecordFacts = {
  practice: { id: string; name: string };
  client: ClientView;
  /** The client's portal account: what a message or a questionnaire names as its sender. */
  clientUserId: string;
  practitioners: { id: string; name: string }[];
  episodes: EpisodeRecord[];
  sessions: SessionRecord[];
  notes: SignedNoteRecord[];
  responses: ResponseRecord[];
  goals: GoalRecord[];
  plans: SharedPlanRecord[];
  relapsePrevention: RelapsePreventionRecord[];
  messages: MessageRecord[];
  consents: ConsentRecord[];
  contactAgreements: ContactAgreementRecord[];
  summaries: EndingSummaryRecord[];
};

/**
 * Reads one client's record for an export: the client the actor may see, the episodes the kernel
 * admits them to (`episodesVisibleTo`), and each part of those episodes through its owning
 * module — one query per part over all episodes, the sealed fields opened together. Nothing is
 * audited here: the use-case audits the export as one read. Undefined: no such client for them.
 */
export async function gatherRecord(
  tx: Executor,
  ctx: AccessContext,
  actor: SignedIn,
  clientId: string | 'self',
  scope: ExportScope,
): Promise<RecordFacts | undefined> {
  const { keyring } = ctx.services;
  const client = await findClientForRecord(tx, keyring, actor, clientId);
  if (!client) return undefined;
  const { practiceId } = actor;
  const episodes = await listEpisodesForRecord(tx, keyring, actor, client.id, scope.episodeIds);
  const ids = episodes.map((e) => e.id);
  const none = <T>(): Promise<T[]> => Promise.resolve([]);
  const therapistOnly = scope.audience === 'therapist';
  // Sequential on purpose: one transaction is one connection, and the reads are few and batched.
  const sessions = includes(scope, 'sessions')
    ? await listSessionsForRecord(tx, keyring, practiceId, ids)
    : await none<SessionRecord>();
  const notes = includes(scope, 'notes')
    ? await listSignedNotesForRecord(tx, keyring, practiceId, ids)
    : await none<SignedNoteRecord>();
  const responses = includes(scope, 'scores')
    ? await listResponsesForRecord(tx, keyring, practiceId, ids)
    : await none<ResponseRecord>();
  const goals = includes(scope, 'goals')
    ? await listGoalsForRecord(tx, keyring, practiceId, ids, { therapistOnly })
    : await none<GoalRecord>();
  const plans = includes(scope, 'goals')
    ? await listSharedPlansForRecord(tx, keyring, practiceId, ids)
    : await none<SharedPlanRecord>();
  const messages = includes(scope, 'messages')
    ? await listMessagesForRecord(tx, keyring, practiceId, ids)
    : await none<MessageRecord>();
  const consents = includes(scope, 'consents')
    ? await listConsentsForRecord(tx, keyring, practiceId, client.id)
    : await none<ConsentRecord>();
  const contactAgreements: ContactAgreementRecord[] = [];
  const relapsePrevention: RelapsePreventionRecord[] = [];
  const summaries: EndingSummaryRecord[] = [];
  for (const e of episodes) {
    const episode = { practiceId, id: e.id, clientId: client.id, therapistId: e.therapistId };
    if (includes(scope, 'consents')) {
      const agreed = await latestAccepted(tx, ctx, {
        practiceId,
        episodeId: e.id,
        kind: 'contact-agreement',
      });
      if (agreed)
        contactAgreements.push({
          id: agreed.id,
          episodeId: e.id,
          version: agreed.version,
          therapistId: e.therapistId,
          terms: agreed.content,
          agreedAt: agreed.acceptedAt,
        });
    }
    if (includes(scope, 'ending')) {
      const plan = await readAgreedEndingPlan(tx, ctx, episode);
      if (plan)
        relapsePrevention.push({
          episodeId: e.id,
          therapistId: e.therapistId,
          planVersion: plan.version,
          agreedAt: plan.acceptedAt,
          terms: plan.terms.relapsePrevention,
        });
      const summary = await endingSummaryForRecord(tx, ctx, episode, scope.audience);
      if (summary) summaries.push(summary);
    }
  }
  const practice = await findPracticeById(tx, practiceId);
  if (!practice) throw new Error('record export: the actor has no practice');
  const people = new Set<string>([client.therapistId, ...episodes.map((e) => e.therapistId)]);
  for (const n of notes) {
    people.add(n.authorId);
    for (const a of n.addenda) people.add(a.authorId);
  }
  for (const m of messages) if (m.senderParty === 'therapist') people.add(m.senderId);
  for (const p of plans) people.add(p.sharedBy);
  for (const s of summaries) people.add(s.savedBy);
  for (const r of responses) if (r.onBehalf) people.add(r.enteredBy);
  const names = await findDisplayNames(tx, practiceId, [...people]);
  return {
    practice: { id: practice.id, name: practice.name },
    client,
    clientUserId: (await findClientInPractice(tx, practiceId, client.id))?.userId ?? '',
    practitioners: [...names].map(([id, name]) => ({ id, name })),
    episodes,
    sessions,
    notes,
    responses,
    goals,
    plans,
    relapsePrevention,
    messages,
    consents,
    contactAgreements,
    summaries,
  };
}
