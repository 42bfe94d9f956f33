import type { RecordCopyFormat } from '@throughline/contracts';
import { type AccessContext, HIDDEN, perform, Refusal, type Step } from '../access';
import { type ClientRow, findClientOfUser } from '../clients';
import type { Executor } from '../shared/transaction';
import { collectRecordCopy } from './collect';
import { findPracticeCopySetting } from './repository';
import { openRefusal } from './requests-view';
import { clientCopyReleased } from './rule';
import type { RecordCopy } from './views';

/**
 * A client downloads a copy of their own record (issue 12; HIPAA 164.524), as `format`: the kernel
 * admits only a client, `clientCopyReleased` decides whether the copy may leave now (else 409
 * `COPY_NOT_RELEASED`, audited as a failure), and the download is audited as `record-copy.<format>`
 * about the client, so it appears in their access report ("You downloaded a copy of your record").
 *
 * `build` makes the file inside the same transaction, so what is audited is what was handed over.
 */
export function downloadOwnCopy<T>(
  ctx: AccessContext,
  format: RecordCopyFormat,
  build: (tx: Executor, client: ClientRow, step: Step) => Promise<T>,
): Promise<T> {
  const target = { resourceType: 'record-copy', what: 'client record' };
  return perform(ctx, `record-copy.${format}`, target, async (tx, step) => {
    const client = await findClientOfUser(tx, step.actor);
    if (!client) return HIDDEN;
    step.about({ clientId: client.id });
    const release = await clientCopyReleased(tx, client, ctx.services.now(), (row) =>
      openRefusal(tx, ctx, row),
    );
    if (!release.released)
      return new Refusal(release.refusal, { requestId: release.request?.id ?? null });
    step.audit({
      resourceType: 'record-copy',
      resourceId: client.id,
      detail: { format, requestId: release.request?.id ?? null },
    });
    return build(tx, client, step);
  });
}

/** The record as the client's PDF shows it: `downloadOwnCopy` with the readable copy's content. */
export function readOwnRecordCopy(ctx: AccessContext): Promise<RecordCopy> {
  return downloadOwnCopy(ctx, 'pdf', async (tx, client) => {
    const practice = await findPracticeCopySetting(tx, client.practiceId);
    return collectRecordCopy(tx, ctx, client, { name: practice?.name ?? '' });
  });
}
