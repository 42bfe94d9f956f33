import type { DateOrder, ImportPreview } from '@throughline/contracts';
import { type AccessContext, perform } from '../access';
import { planImport } from './plan';

const TARGET = { resourceType: 'client-import', what: 'import' };

/**
 * Step one of moving in (issue 12): what importing this file would create, row by row, and why
 * any row is refused. Nothing is written but the audit event (counts only, never names).
 */
export async function previewClientImport(
  ctx: AccessContext,
  input: { bytes: Buffer; dateOrder?: DateOrder | undefined },
): Promise<ImportPreview> {
  return perform(ctx, 'client.import.preview', TARGET, async (tx, step) => {
    const { preview } = await planImport(tx, ctx, step.actor, input.bytes, input.dateOrder);
    step.audit({
      detail: {
        rows: preview.summary.rows,
        clients: preview.summary.clients,
        refused: preview.summary.refused,
      },
    });
    return preview;
  });
}
