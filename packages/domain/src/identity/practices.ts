import { randomUUID } from 'node:crypto';
import type { Practice } from '@throughline/contracts';
import { isTimeZone } from '@throughline/contracts';
import { eq } from 'drizzle-orm';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { newWrappedDataKey } from '../crypto';
import { AppError } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { findPracticeById } from './repository';
import { practices } from './tables';

export type PracticeView = Practice;

const view = (row: typeof practices.$inferSelect): PracticeView => ({
  id: row.id,
  name: row.name,
  timeZone: row.timeZone,
  copyReviewRequired: row.copyReviewRequired,
});

export { isTimeZone };

function checkTimeZone(zone: string): void {
  if (!isTimeZone(zone)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${zone}" is not a time zone; use an IANA name such as Europe/London.`,
      [{ path: 'timeZone', message: 'Unknown time zone.' }],
    );
  }
}

/** Creates a practice with its own data key. Used by the CLI and the demo seed (operator actions). */
export async function createPractice(
  ctx: AccessContext,
  input: { name: string; timeZone?: string },
): Promise<PracticeView> {
  const timeZone = input.timeZone ?? 'UTC';
  checkTimeZone(timeZone);
  const id = randomUUID();
  const { db, keyring } = ctx.services;
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(practices)
      .values({
        id,
        name: input.name,
        timeZone,
        wrappedDataKey: newWrappedDataKey(keyring.masterKey, id),
      })
      .returning();
    if (!row) throw new Error('practice insert returned nothing');
    await recordAudit(tx, ctx, {
      practiceId: id,
      action: 'practice.create',
      resourceType: 'practice',
      resourceId: id,
      outcome: 'success',
    });
    return view(row);
  });
}

export async function getPractice(ctx: AccessContext): Promise<PracticeView> {
  const actor = signedIn(ctx);
  const row = await findPracticeById(ctx.services.db, actor.practiceId);
  if (!row) throw new AppError('NOT_FOUND', 'Your practice no longer exists.');
  return view(row);
}

export async function updatePractice(
  ctx: AccessContext,
  changes: {
    name?: string | undefined;
    timeZone?: string | undefined;
    copyReviewRequired?: boolean | undefined;
  },
): Promise<PracticeView> {
  const actor = signedIn(ctx);
  if (changes.timeZone !== undefined) checkTimeZone(changes.timeZone);
  // Nothing to change (`{}`) is a no-op that shows the settings; an empty UPDATE is not SQL.
  if (
    changes.name === undefined &&
    changes.timeZone === undefined &&
    changes.copyReviewRequired === undefined
  )
    return getPractice(ctx);
  return inTransaction(ctx.services.db, async (tx) => {
    const [row] = await tx
      .update(practices)
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.timeZone !== undefined ? { timeZone: changes.timeZone } : {}),
        ...(changes.copyReviewRequired !== undefined
          ? { copyReviewRequired: changes.copyReviewRequired }
          : {}),
      })
      .where(eq(practices.id, actor.practiceId))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', 'Your practice no longer exists.');
    await recordAudit(tx, ctx, {
      action: 'practice.update',
      resourceType: 'practice',
      resourceId: row.id,
      outcome: 'success',
      detail: { fields: Object.keys(changes).join(',') },
    });
    return view(row);
  });
}
