import { gasClientWords, getInstrument } from '@throughline/clinical';
import type { AccessContext } from '../access';
import { listEpisodeSessions } from '../appointments';
import { type ClientRow, clientFieldPurpose } from '../clients';
import { listClientSignatures } from '../consent';
import { listEpisodeMessageRows, messageBodyPurpose } from '../contact';
import { sharedSummaryWords } from '../ending-summary';
import { episodeTitlePurpose, listClientEpisodeRows } from '../episodes';
import { therapistGoalViews } from '../goals';
import { findDisplayNames } from '../identity';
import { listEpisodeScoreRows } from '../measures';
import { listSignedNotesForCopy, type NoteBody, type SignedNoteForCopy } from '../notes';
import type { Executor } from '../shared/transaction';
import { NOTE_KIND, noteSections } from './notes';
import type { RecordCopy, RecordCopyEpisode, RecordCopyScores } from './views';

type Open = (sealed: string, purpose: string) => Promise<string>;

/**
 * The client's record as their copy shows it (issue 12), read inside the kernel's transaction for
 * a client it admitted. Psychotherapy notes are not read at all: their table is never queried here.
 */
export async function collectRecordCopy(
  tx: Executor,
  ctx: AccessContext,
  client: ClientRow,
  practice: { name: string },
): Promise<RecordCopy> {
  const practiceId = client.practiceId;
  const open: Open = (sealed, purpose) =>
    ctx.services.keyring.decrypt(tx, practiceId, sealed, purpose);
  const rows = await listClientEpisodeRows(tx, practiceId, client.id);
  const names = await findDisplayNames(tx, practiceId, [
    ...new Set(rows.map((r) => r.therapistId)),
  ]);
  const list: RecordCopyEpisode[] = [];
  for (const row of rows) {
    const ref = { practiceId, id: row.id };
    const sessions = await listEpisodeSessions(tx, ref);
    const startOf = new Map(sessions.map((a) => [a.id, a.startsAt]));
    list.push({
      id: row.id,
      title: await open(row.title, episodeTitlePurpose(row.id)),
      phase: row.phase,
      openedAt: row.openedAt,
      closedAt: row.closedAt,
      therapistName: names.get(row.therapistId) ?? 'Your therapist',
      isReturn: row.previousEpisodeId !== null,
      sessions: sessions.map(({ id: _id, ...s }) => s),
      goals: await goalsOf(tx, ctx, ref),
      scores: await scoresOf(tx, ref),
      notes: (await listSignedNotesForCopy(tx, ref, open)).map((n) => toNote(n, startOf)),
      messages: await messagesOf(tx, ref, open, client, names),
      endingSummary: await endingOf(tx, ctx, ref),
    });
  }
  return {
    practiceName: practice.name,
    timeZone: client.timeZone,
    generatedAt: ctx.services.now(),
    client: {
      name: client.preferredName || client.displayName,
      // Pronouns are sealed (they can disclose gender identity): opened for the client's own copy.
      pronouns: client.pronouns
        ? await open(client.pronouns, clientFieldPurpose(client.id, 'pronouns'))
        : null,
    },
    consents: await consentsOf(tx, practiceId, client.id),
    episodes: list,
  };
}

type Ref = { practiceId: string; id: string };

/** Goals in the client's words with the GAS levels in plain words; the therapist's wording stays out. */
async function goalsOf(
  tx: Executor,
  ctx: AccessContext,
  ep: Ref,
): Promise<RecordCopyEpisode['goals']> {
  const goals = await therapistGoalViews(tx, ctx, ep.practiceId, ep.id);
  return goals.map((g) => ({
    words: g.clientWords,
    status: g.status,
    review: g.latestReview
      ? {
          level: g.latestReview.level,
          words: gasClientWords(g.latestReview.level) ?? '',
          at: g.latestReview.reviewedAt,
        }
      : null,
    ownRating: g.latestClientRating
      ? {
          level: g.latestClientRating.level,
          words: gasClientWords(g.latestClientRating.level) ?? '',
          at: g.latestClientRating.ratedAt,
          comment: g.latestClientRating.comment,
        }
      : null,
  }));
}

async function scoresOf(tx: Executor, ep: Ref): Promise<RecordCopyScores[]> {
  const rows = await listEpisodeScoreRows(tx, ep);
  const byInstrument = new Map<string, RecordCopyScores>();
  for (const r of rows) {
    const title = titleOf(r.instrument);
    const entry = byInstrument.get(r.instrument) ?? { title, points: [] };
    entry.points.push({ at: r.at, total: r.total, band: r.band });
    byInstrument.set(r.instrument, entry);
  }
  return [...byInstrument.values()];
}

function titleOf(key: string): string {
  try {
    return getInstrument(key).title;
  } catch {
    return key;
  }
}

function toNote(
  n: SignedNoteForCopy,
  startOf: Map<string, Date>,
): RecordCopyEpisode['notes'][number] {
  return {
    signedAt: n.signedAt,
    sessionAt: n.appointmentId ? (startOf.get(n.appointmentId) ?? null) : null,
    kind: NOTE_KIND[n.template],
    sections: noteSections(n.template, n.body as NoteBody),
    addenda: n.addenda,
  };
}

async function messagesOf(
  tx: Executor,
  ep: Ref,
  open: Open,
  client: ClientRow,
  names: Map<string, string>,
): Promise<RecordCopyEpisode['messages']> {
  const rows = await listEpisodeMessageRows(tx, ep);
  const senders = await findDisplayNames(
    tx,
    ep.practiceId,
    [...new Set(rows.map((m) => m.senderId))].filter((id) => !names.has(id)),
  );
  const out: RecordCopyEpisode['messages'] = [];
  for (const m of rows) {
    const fromClient = m.senderParty === 'client';
    out.push({
      sentAt: m.sentAt,
      fromClient,
      senderName: fromClient
        ? client.preferredName || client.displayName
        : (names.get(m.senderId) ?? senders.get(m.senderId) ?? 'Your therapist'),
      body: await open(m.body, messageBodyPurpose(m.id)),
    });
  }
  return out;
}

async function endingOf(
  tx: Executor,
  ctx: AccessContext,
  ep: Ref,
): Promise<RecordCopyEpisode['endingSummary']> {
  const shared = await sharedSummaryWords(tx, ctx, ep);
  if (!shared) return null;
  const w = shared.words;
  return {
    sharedAt: shared.sharedAt,
    greeting: w.greeting,
    progress: w.progress,
    whatHelped: w.whatHelped,
    howToReturn: w.howToReturn,
    closing: w.closing,
  };
}

function consentsOf(
  tx: Executor,
  practiceId: string,
  clientId: string,
): Promise<RecordCopy['consents']> {
  return listClientSignatures(tx, practiceId, clientId);
}
