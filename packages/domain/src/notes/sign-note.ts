import { and, eq, sql } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { type AccessContext, performOnRecord, Refusal } from '../access';
import { attachmentIdsInEpisode, materialiseCarryForward, openThreadIds } from '../carry-forward';
import { AppError, type FieldIssue } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { findById } from './repository';
import { notes } from './tables';
import { deserialiseBody, parseForSigning, serialiseBody } from './templates';
import { signedError, versionConflict } from './update-note';
import { bodyPurpose, type NoteView, toNoteView } from './views';

/**
 * Signs a draft: validates the template strictly, locks the note (signed notes are immutable;
 * corrections are addenda), and in the same transaction materialises what carries forward —
 * threads opened and closed, homework for the client. All or nothing.
 */
export async function signNote(
  ctx: AccessContext,
  noteId: string,
  input: { version: number },
): Promise<NoteView> {
  const { keyring } = ctx.services;
  const target = {
    resourceType: 'note',
    resourceId: noteId,
    what: 'note',
    find: (tx: Executor, actor: SignedIn) => findById(tx, actor, noteId, true),
  };
  return performOnRecord(ctx, 'note.sign', target, async (tx, note, step) => {
    // A refusal keeps its failure event: the reason says which check refused the signature.
    const fail = (error: AppError, reason: string): Refusal => new Refusal(error, { reason });
    if (note.status === 'signed') return fail(signedError(), 'signed');
    if (note.version !== input.version) return fail(versionConflict(note.version), 'version');
    const stored = deserialiseBody(
      await keyring.decrypt(tx, note.practiceId, note.body, bodyPurpose(note.id)),
    );
    let body: ReturnType<typeof parseForSigning>;
    try {
      body = parseForSigning(note.template, stored);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return fail(error, 'invalid');
    }
    const toClose = [...new Set(body.threadsToClose ?? [])];
    const homework = body.homework ?? [];
    const open = await openThreadIds(tx, note.practiceId, note.episodeId, toClose);
    const files = await attachmentIdsInEpisode(
      tx,
      note.practiceId,
      note.episodeId,
      homework.flatMap((h) => (h.attachmentId ? [h.attachmentId] : [])),
    );
    const issues: FieldIssue[] = [
      ...(body.threadsToClose ?? []).flatMap((id, i) =>
        open.has(id)
          ? []
          : [{ path: `body.threadsToClose.${i}`, message: 'Not an open thread of this episode.' }],
      ),
      ...homework.flatMap((h, i) =>
        h.attachmentId && !files.has(h.attachmentId)
          ? [{ path: `body.homework.${i}.attachmentId`, message: 'Not a file of this episode.' }]
          : [],
      ),
    ];
    if (issues.length > 0) {
      return fail(
        new AppError(
          'VALIDATION_FAILED',
          `Fix these before signing: ${issues.map((i) => i.path).join(', ')}.`,
          issues,
        ),
        'invalid-references',
      );
    }
    const now = ctx.services.now();
    const [row] = await tx
      .update(notes)
      .set({
        status: 'signed',
        signedAt: now,
        updatedAt: now,
        version: sql`${notes.version} + 1`,
        body: await keyring.encrypt(tx, note.practiceId, serialiseBody(body), bodyPurpose(note.id)),
      })
      .where(
        and(
          eq(notes.practiceId, note.practiceId),
          eq(notes.id, note.id),
          eq(notes.status, 'draft'),
          eq(notes.version, input.version),
        ),
      )
      .returning();
    if (!row) throw new Error('locked draft changed under its lock');
    const counts = await materialiseCarryForward(
      tx,
      ctx,
      note,
      { threadsToOpen: body.threadsToOpen ?? [], threadsToClose: toClose, homework },
      now,
    );
    step.audit({ detail: counts });
    return toNoteView(tx, ctx, row);
  });
}
