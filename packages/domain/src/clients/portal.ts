import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { recordAudit } from '../audit/record';
import { findPracticeById } from '../identity/repository';
import { AppError } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { findByUser } from './repository';

export type PortalHome = {
  displayName: string;
  practiceName: string;
  therapist: { displayName: string } | null;
};

/** The client's own portal home. Later modules add next sessions, homework and goals. */
export async function readPortalHome(ctx: AccessContext): Promise<PortalHome> {
  const actor = signedIn(ctx);
  const { db } = ctx.services;
  const [row, practice] = await inTransaction(db, async (tx) => {
    const found = await findByUser(tx, actor);
    await recordAudit(tx, ctx, {
      action: 'portal.read',
      resourceType: 'client',
      resourceId: found?.id ?? null,
      outcome: found ? 'success' : 'denied',
    });
    return [found, await findPracticeById(tx, actor.practiceId)] as const;
  });
  if (!row || !practice)
    throw new AppError('NOT_FOUND', 'No client record is linked to your account.');
  return {
    displayName: row.displayName,
    practiceName: practice.name,
    therapist: { displayName: row.therapistName },
  };
}
