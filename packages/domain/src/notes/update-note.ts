import { and, eq, sql } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { type AccessContext, performOnRecord, Refusal } from '../access';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
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
  const target = {
    resourceType: 'note',
    resourceId: noteId,
    what: 'note',
    find: (tx: Executor, actor: SignedIn) => findById(tx, actor, noteId, true),
  };
  return performOnRecord(ctx, 'note.update', target, async (tx, note, step) => {
    const { actor } = step;
    if (note.status === 'signed') return new Refusal(signedError());
    if (note.version !== input.version) return new Refusal(versionConflict(note.version));
    const body = parseDraft(note.template, input.body);
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
    step.audit({ detail: { version: row.version } });
    return row;
  });
}
