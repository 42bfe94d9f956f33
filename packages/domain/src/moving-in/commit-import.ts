import type { DateOrder, ImportResult } from '@throughline/contracts';
import { type AccessContext, perform } from '../access';
import { insertPastSessions } from '../appointments';
import { insertImportedClient } from '../clients';
import { openImportedEpisodeInTx } from '../episodes';
import { AppError } from '../shared/errors';
import { planImport } from './plan';
import { IMPORTED_SESSION_MINUTES } from './rows';

const TARGET = { resourceType: 'client-import', what: 'import' };

/**
 * Step two of moving in (issue 12): imports the previewed file, all or nothing, in one
 * transaction. The caller confirms the exact preview by its `fileHash`; a different file (or
 * reading of its dates) is refused, and so is a file with any refused row — fix or remove those
 * rows and preview again. No client is invited: each is invited from their page when ready.
 */
export async function commitClientImport(
  ctx: AccessContext,
  input: { bytes: Buffer; dateOrder?: DateOrder | undefined; confirm?: string | undefined },
): Promise<ImportResult> {
  return perform(ctx, 'client.import', TARGET, async (tx, step) => {
    const { actor } = step;
    const plan = await planImport(tx, ctx, actor, input.bytes, input.dateOrder);
    if (!input.confirm) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Preview the file first, then import it with the preview’s fileHash as confirm.',
        [{ path: 'confirm', message: 'Send the fileHash of the preview.' }],
      );
    }
    if (input.confirm !== plan.preview.fileHash) {
      throw new AppError(
        'CONFLICT',
        'This is not the file you previewed (or its dates are read another way). Preview it again before importing.',
        [{ path: 'confirm', message: 'Does not match this file.' }],
      );
    }
    const refused = plan.preview.rows.filter((r) => r.outcome === 'refused');
    if (refused.length > 0) {
      const issues = refused.flatMap((r) =>
        r.problems.map((p) => ({
          path: `row ${r.row}${p.column ? `, ${p.column}` : ''}`,
          message: p.message,
        })),
      );
      throw new AppError(
        'VALIDATION_FAILED',
        `${refused.length} ${refused.length === 1 ? 'row is' : 'rows are'} refused (${refused
          .slice(0, 10)
          .map((r) => `row ${r.row}`)
          .join(
            ', ',
          )}${refused.length > 10 ? ', …' : ''}). Fix or remove ${refused.length === 1 ? 'it' : 'them'} and preview again; nothing was imported.`,
        issues,
      );
    }
    let episodes = 0;
    let pastSessions = 0;
    const now = ctx.services.now();
    for (const candidate of plan.accepted) {
      const { details } = candidate;
      const clientId = await insertImportedClient(tx, ctx, actor, {
        ...details,
        timeZone: details.timeZone ?? plan.practiceZone,
      });
      if (candidate.sessions.length === 0) continue;
      const starts = [...candidate.sessions].sort((a, b) => a.getTime() - b.getTime());
      const episodeId = await openImportedEpisodeInTx(tx, ctx, actor, {
        clientId,
        openedAt: starts[0] ?? now,
        sessions: starts.length,
      });
      episodes += 1;
      pastSessions += await insertPastSessions(tx, {
        practiceId: actor.practiceId,
        episodeId,
        therapistId: actor.userId,
        starts,
        minutes: IMPORTED_SESSION_MINUTES,
        recordedAt: now,
      });
    }
    const result: ImportResult = {
      clients: plan.accepted.length,
      episodes,
      pastSessions,
      invited: 0,
    };
    step.audit({ detail: { clients: result.clients, episodes, pastSessions } });
    return result;
  });
}
