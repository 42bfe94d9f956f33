import { and, eq, sql } from 'drizzle-orm';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { findById } from './repository';
import { notes } from './tables';
import { parseDraft, serialiseBody } from './templates';
import { bodyPurpose } from './views';

export function signedError(): AppError {
  return new AppError(
    'NOTE_SIGNED',
    'This note is signed and can no longer be edited. Add an addendum to correct or extend it.',
  );
}

export function versionConflict(current: number): AppError {
  return new AppError(
    'NOTE_VERSION_CONFLICT',
    `This note was saved elsewhere since you opened it (it is now at version ${current}). Reload it and apply your changes again.`,
  );
}

/**
 * Autosave of a draft. Each save names the version it edited (optimistic concurrency), so two
 * open editors cannot silently overwrite each other; a signed note is immutable.
 */
export async function updateNote(
  ctx: AccessContext,
  noteId: string,
  input: { version: number; body: unknown },
): Promise<{ id: string; version: number; updatedAt: Date }> {
  const actor = signedIn(ctx);
  let failure: AppError | undefined;
  const saved = await inTransaction(ctx.services.db, async (tx) => {
    const note = await findById(tx, actor, noteId, true);
    const reason = !note
      ? 'not-found'
      : note.status === 'signed'
        ? 'signed'
        : note.version !== input.version
          ? 'version-conflict'
          : undefined;
    if (!note || reason) {
      await recordAudit(tx, ctx, {
        action: 'note.update',
        resourceType: 'note',
        resourceId: noteId,
        outcome: note ? 'failure' : 'denied',
        detail: { reason: reason ?? null },
      });
      failure = !note
        ? notFound('note')
        : reason === 'signed'
          ? signedError()
          : versionConflict(note.version);
      return undefined;
    }
    let body: ReturnType<typeof parseDraft>;
    try {
      body = parseDraft(note.template, input.body);
    } catch (error) {
      failure = error as AppError;
      return undefined;
    }
    const [row] = await tx
      .update(notes)
      .set({
        body: await ctx.services.keyring.encrypt(
          tx,
          actor.practiceId,
          serialiseBody(body),
          bodyPurpose(note.id),
        ),
        version: sql`${notes.version} + 1`,
        updatedAt: ctx.services.now(),
      })
      .where(
        and(
          eq(notes.practiceId, note.practiceId),
          eq(notes.id, note.id),
          eq(notes.version, input.version),
          eq(notes.status, 'draft'),
        ),
      )
      .returning({ id: notes.id, version: notes.version, updatedAt: notes.updatedAt });
    if (!row) throw new Error('locked draft changed under its lock');
    await recordAudit(tx, ctx, {
      action: 'note.update',
      resourceType: 'note',
      resourceId: note.id,
      outcome: 'success',
      detail: { version: row.version },
    });
    return row;
  });
  if (failure || !saved) throw failure ?? notFound('note');
  return saved;
}
