import { randomUUID } from 'node:crypto';
import {
  appointmentLocationPurpose,
  attachmentFileNamePurpose,
  attachmentPurpose,
  episodeTitlePurpose,
  homeworkPurpose,
  notePurpose,
  phaseReasonPurpose,
  type Services,
  threadTitlePurpose,
} from '@throughline/domain';
import {
  appointments,
  attachments,
  episodePhaseChanges,
  episodes,
  homework,
  notes,
  psychotherapyNotes,
  threads,
} from '@throughline/domain/schema';
import type { Person } from './harness';

/**
 * Rows for the read-model tests (brief, timeline, caseload, portal), inserted directly so these
 * tests do not depend on the write-side use-cases. Encrypted fields use the purposes the
 * notes and carry-forward modules export.
 */
export function fixtures(services: Services, therapist: Person) {
  const { db, keyring } = services;
  const practiceId = therapist.practiceId;
  const seal = (text: string, purpose: string) => keyring.encrypt(db, practiceId, text, purpose);

  return {
    async episode(
      client: Person,
      values: Partial<typeof episodes.$inferInsert> = {},
    ): Promise<string> {
      const id = randomUUID();
      await db.insert(episodes).values({
        practiceId,
        id,
        clientId: client.clientId ?? '',
        therapistId: therapist.userId,
        phase: 'active',
        ...values,
        title: await seal(values.title ?? 'Music therapy', episodeTitlePurpose(id)),
      });
      return id;
    },
    async phaseChange(
      episodeId: string,
      fromPhase: 'intake' | 'active' | 'ending' | 'aftercare' | 'closed' | null,
      toPhase: 'intake' | 'active' | 'ending' | 'aftercare' | 'closed',
      changedAt: Date,
    ): Promise<string> {
      const id = randomUUID();
      await db.insert(episodePhaseChanges).values({
        practiceId,
        id,
        episodeId,
        fromPhase,
        toPhase,
        changedBy: therapist.userId,
        changedAt,
        reason: await seal('Agreed together.', phaseReasonPurpose(id)),
      });
      return id;
    },
    async appointment(
      episodeId: string,
      startsAt: Date,
      status: 'scheduled' | 'attended' | 'cancelled' | 'no-show' = 'attended',
      values: Partial<typeof appointments.$inferInsert> = {},
    ): Promise<string> {
      const id = randomUUID();
      await db.insert(appointments).values({
        practiceId,
        id,
        episodeId,
        therapistId: therapist.userId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 50 * 60_000),
        status,
        ...values,
        location: values.location
          ? await seal(values.location, appointmentLocationPurpose(id))
          : null,
      });
      return id;
    },
    async note(
      episodeId: string,
      input: {
        appointmentId?: string;
        status?: 'draft' | 'signed';
        body?: Record<string, unknown>;
        template?: 'soap' | 'dap' | 'birp' | 'music-therapy';
        createdAt?: Date;
        signedAt?: Date;
      } = {},
    ): Promise<string> {
      const id = randomUUID();
      const status = input.status ?? 'signed';
      const createdAt = input.createdAt ?? new Date();
      await db.insert(notes).values({
        practiceId,
        id,
        episodeId,
        appointmentId: input.appointmentId ?? null,
        authorId: therapist.userId,
        template: input.template ?? 'music-therapy',
        status,
        body: await seal(
          JSON.stringify({ templateVersion: 1, ...(input.body ?? {}) }),
          notePurpose.body(id),
        ),
        createdAt,
        updatedAt: createdAt,
        signedAt: status === 'signed' ? (input.signedAt ?? createdAt) : null,
      });
      return id;
    },
    async psychotherapyNote(episodeId: string, text: string): Promise<string> {
      const id = randomUUID();
      await db.insert(psychotherapyNotes).values({
        practiceId,
        id,
        episodeId,
        authorId: therapist.userId,
        body: await keyring.encrypt(
          db,
          practiceId,
          text,
          notePurpose.psychotherapyBody(id),
          'psychotherapy',
        ),
      });
      return id;
    },
    async thread(
      episodeId: string,
      noteId: string,
      title: string,
      values: Partial<typeof threads.$inferInsert> = {},
    ): Promise<string> {
      const id = randomUUID();
      await db.insert(threads).values({
        practiceId,
        id,
        episodeId,
        openedInNoteId: noteId,
        title: await seal(title, threadTitlePurpose(id)),
        ...values,
      });
      return id;
    },
    async attachment(episodeId: string, fileName: string): Promise<string> {
      const id = randomUUID();
      await db.insert(attachments).values({
        practiceId,
        id,
        episodeId,
        uploadedBy: therapist.userId,
        fileName: await seal(fileName, attachmentFileNamePurpose(id)),
        mediaType: 'audio/mpeg',
        sizeBytes: 3,
        content: await seal('abc', attachmentPurpose(id)),
      });
      return id;
    },
    async homework(
      episodeId: string,
      noteId: string,
      input: {
        title: string;
        instructions?: string;
        comment?: string;
        status?: 'assigned' | 'done';
        dueOn?: string;
        completedAt?: Date;
        createdAt?: Date;
        link?: string;
        attachmentId?: string;
      },
    ): Promise<string> {
      const id = randomUUID();
      await db.insert(homework).values({
        practiceId,
        id,
        episodeId,
        noteId,
        title: await seal(input.title, homeworkPurpose(id, 'title')),
        instructions: await seal(
          input.instructions ?? 'Listen daily.',
          homeworkPurpose(id, 'instructions'),
        ),
        clientComment: input.comment
          ? await seal(input.comment, homeworkPurpose(id, 'comment'))
          : null,
        status: input.status ?? 'assigned',
        dueOn: input.dueOn ?? null,
        completedAt: input.completedAt ?? null,
        link: input.link ? await seal(input.link, homeworkPurpose(id, 'link')) : null,
        attachmentId: input.attachmentId ?? null,
        createdBy: therapist.userId,
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      });
      return id;
    },
  };
}

export const days = (n: number): number => n * 86_400_000;
export const ago = (n: number, from = Date.now()): Date => new Date(from - days(n));
