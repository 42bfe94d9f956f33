import type { PortalPreferences } from '@throughline/contracts';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { AppError } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { checkClientDetails, detailColumns, type SafeContact } from './details';
import { findByUser, updateById } from './repository';

export type { PortalPreferences };

/**
 * A client sets how the practice may contact them and the time zone they see sessions in. These
 * are the client's own choices (ETHICS.md: contact only through the channels the client chose,
 * withdrawable at any time), so the client, not the therapist, has the last word here.
 */
export async function updatePortalPreferences(
  ctx: AccessContext,
  changes: { timeZone?: string; safeContact?: Partial<SafeContact> },
): Promise<PortalPreferences> {
  const actor = signedIn(ctx);
  const details = {
    ...(changes.timeZone !== undefined ? { timeZone: changes.timeZone } : {}),
    ...(changes.safeContact !== undefined ? { safeContact: changes.safeContact } : {}),
  };
  checkClientDetails(details, ctx.services.now());
  const columns = detailColumns(details);
  const fields = Object.keys(columns);
  if (fields.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Send at least one preference to change.');
  }
  const row = await inTransaction(ctx.services.db, async (tx) => {
    const own = await findByUser(tx, actor);
    const updated = own ? await updateById(tx, actor, own.id, columns) : false;
    await recordAudit(tx, ctx, {
      action: 'portal.update',
      resourceType: 'client',
      resourceId: own?.id ?? null,
      outcome: updated ? 'success' : 'denied',
      // The client's own change: listed in their access report as "You".
      subjectClientId: updated ? (own?.id ?? null) : null,
      ...(updated ? { detail: { fields: fields.sort().join(',') } } : {}),
    });
    return updated ? findByUser(tx, actor) : undefined;
  });
  if (!row) throw new AppError('NOT_FOUND', 'No client record is linked to your account.');
  return {
    timeZone: row.timeZone,
    safeContact: {
      mayEmail: row.mayEmail,
      emailMayIncludeDetails: row.emailMayIncludeDetails,
      remindersEnabled: row.remindersEnabled,
    },
  };
}
