// The client of five years of weekly sessions the suite adds to a fresh practice (the long brief).
import { randomUUID } from 'node:crypto';
import { scoreAnswers } from '@throughline/clinical';

import {
  alertInputsPurpose,
  episodeTitlePurpose,
  homeworkPurpose,
  notePurpose,
  responseAnswersPurpose,
  type Services,
  threadTitlePurpose,
} from '@throughline/domain';
import {
  alerts,
  appointments,
  clients,
  episodes,
  homework,
  notes,
  responses,
  threads,
  users,
} from '@throughline/domain/schema';

export const YEARS = 5;
const WEEK = 7 * 86_400_000;

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** The client with five years of weekly sessions, notes, threads and homework. */
export async function seedLongClient(
  services: Services,
  practiceId: string,
  therapistId: string,
): Promise<string> {
  const { db, keyring } = services;
  const seal = (text: string, purpose: string) => keyring.encrypt(db, practiceId, text, purpose);
  const userId = randomUUID();
  const clientId = randomUUID();
  const episodeId = randomUUID();
  await db.insert(users).values({
    practiceId,
    id: userId,
    email: 'long-client@bench.example',
    displayName: 'Long-standing client',
    role: 'client',
  });
  await db.insert(clients).values({
    practiceId,
    id: clientId,
    userId,
    displayName: 'Long-standing client',
    email: 'long-client@bench.example',
    therapistId,
    timeZone: 'Europe/London',
  });
  const now = Date.now();
  const first = now - YEARS * 52 * WEEK;
  await db.insert(episodes).values({
    practiceId,
    id: episodeId,
    clientId,
    therapistId,
    phase: 'active',
    title: await keyring.encrypt(db, practiceId, 'Music therapy', episodeTitlePurpose(episodeId)),
    openedAt: new Date(first - WEEK),
  });
  const sessions = Array.from({ length: YEARS * 52 }, (_, i) => ({
    id: randomUUID(),
    startsAt: new Date(first + i * WEEK),
  }));
  await inChunks(
    [
      ...sessions.map((s) => ({ ...s, status: 'attended' as const })),
      {
        id: randomUUID(),
        startsAt: new Date(now + WEEK),
        status: 'scheduled' as const,
      },
    ],
    (chunk) =>
      db.insert(appointments).values(
        chunk.map((s) => ({
          practiceId,
          id: s.id,
          episodeId,
          therapistId,
          startsAt: s.startsAt,
          endsAt: new Date(s.startsAt.getTime() + 50 * 60_000),
          status: s.status,
        })),
      ),
  );
  const noteRows = await Promise.all(
    sessions.map(async (s, i) => {
      const id = randomUUID();
      const body = JSON.stringify({
        templateVersion: 1,
        method: 'improvisational',
        clientResponses: `Session ${i + 1}: engaged with the drum, then the voice.`.repeat(8),
        planForNext: `Session ${i + 2}: return to the song written in session ${i + 1}.`,
      });
      return {
        practiceId,
        id,
        episodeId,
        appointmentId: s.id,
        authorId: therapistId,
        template: 'music-therapy' as const,
        status: 'signed' as const,
        body: await seal(body, notePurpose.body(id)),
        createdAt: new Date(s.startsAt.getTime() + 3_600_000),
        updatedAt: new Date(s.startsAt.getTime() + 3_600_000),
        signedAt: new Date(s.startsAt.getTime() + 3_600_000),
      };
    }),
  );
  await inChunks(noteRows, (chunk) => db.insert(notes).values(chunk));
  // A thread every fourth session; the last eight stay open.
  const threadNotes = noteRows.filter((_, i) => i % 4 === 0);
  const threadRows = await Promise.all(
    threadNotes.map(async (n, i) => {
      const id = randomUUID();
      const open = i >= threadNotes.length - 8;
      return {
        practiceId,
        id,
        episodeId,
        openedInNoteId: n.id,
        title: await seal(`Theme ${i + 1}: the grandmother's songs`, threadTitlePurpose(id)),
        openedAt: n.createdAt,
        closedAt: open ? null : new Date(n.createdAt.getTime() + 8 * WEEK),
      };
    }),
  );
  await inChunks(threadRows, (chunk) => db.insert(threads).values(chunk));
  // Homework every session; the last three are open, the rest done with a comment.
  const homeworkRows = await Promise.all(
    noteRows.map(async (n, i) => {
      const id = randomUUID();
      const done = i < noteRows.length - 3;
      return {
        practiceId,
        id,
        episodeId,
        noteId: n.id,
        title: await seal(`Listen to piece ${i + 1}`, homeworkPurpose(id, 'title')),
        instructions: await seal('Once a day, lying down.', homeworkPurpose(id, 'instructions')),
        status: done ? ('done' as const) : ('assigned' as const),
        completedAt: done ? new Date(n.createdAt.getTime() + 3 * 86_400_000) : null,
        clientComment: done
          ? await seal('It helped me sleep.', homeworkPurpose(id, 'comment'))
          : null,
        createdAt: n.createdAt,
        createdBy: therapistId,
      };
    }),
  );
  await inChunks(homeworkRows, (chunk) => db.insert(homework).values(chunk));
  await seedLongClientMeasures(services, practiceId, therapistId, episodeId, sessions);
  return episodeId;
}

/** PHQ-9 and GAD-7 before every one of the long client's sessions, and two open alerts. */
async function seedLongClientMeasures(
  services: Services,
  practiceId: string,
  therapistId: string,
  episodeId: string,
  sessions: { id: string; startsAt: Date }[],
): Promise<void> {
  const seal = (text: string, purpose: string) =>
    services.keyring.encrypt(services.db, practiceId, text, purpose);
  const rows = await Promise.all(
    sessions.flatMap((s, i) =>
      (['phq-9', 'gad-7'] as const).map(async (instrument) => {
        const length = instrument === 'phq-9' ? 9 : 7;
        const level = Math.max(0, 2 - Math.floor(i / 90)); // slowly improving
        const answers = Array.from({ length }, (_, k) => (k === 8 ? 0 : (level + k + i) % 4));
        const scored = scoreAnswers(instrument, answers);
        if (!scored.ok) throw new Error(`bench answers invalid for ${instrument}`);
        const { itemScores: _items, ...result } = scored.result;
        const id = randomUUID();
        return {
          practiceId,
          id,
          episodeId,
          instrument,
          instrumentVersion: result.version,
          appointmentId: s.id,
          answers: await seal(JSON.stringify(answers), responseAnswersPurpose(id)),
          total: result.total,
          band: result.band,
          flags: result.flags,
          subscales: result.subscales,
          result: { resultVersion: 1, ...result, sessionNumber: i + 1 },
          completedAt: new Date(s.startsAt.getTime() - 3_600_000),
          enteredBy: therapistId,
          onBehalf: true,
        };
      }),
    ),
  );
  await inChunks(rows, (chunk) => services.db.insert(responses).values(chunk));
  const last = rows.at(-1);
  const alertRows = await Promise.all(
    (['not-on-track', 'alliance-drop'] as const).map(async (kind) => {
      const id = randomUUID();
      const inputs = JSON.stringify({ sessionNumber: sessions.length });
      return { id, inputs: await seal(inputs, alertInputsPurpose(id)), kind };
    }),
  );
  await services.db.insert(alerts).values(
    alertRows.map(({ id, inputs, kind }) => ({
      id,
      practiceId,
      episodeId,
      responseId: last?.id ?? null,
      kind,
      severity: 'warning' as const,
      rule: `${kind} (bench)`,
      ruleVersion: '1',
      inputs,
      source: 'CLINICAL.md §4',
    })),
  );
}
