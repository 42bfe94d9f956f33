import { randomUUID } from 'node:crypto';
import type { Bundle } from '@medplum/fhirtypes';
import type { EndingSummary } from '@throughline/contracts';
import { type AccessContext, HIDDEN, perform, Refusal } from '../access';
import { clientCopyReleased, openRefusal } from '../record-copy';
import { assembleBundle } from './assemble';
import { gatherRecord } from './gather';
import type { ExportScope } from './scope';

export type BundleOptions = {
  /** Default: the therapist's view for a therapist, the client's own copy for a client. */
  scope?: ExportScope;
  /**
   * Renders an ending summary as the client's PDF. The renderer lives in the app (pdfmake), so the
   * caller passes it in; without it the summary travels as its structured content only.
   */
  renderSummaryPdf?: (summary: EndingSummary) => Promise<Uint8Array>;
};

/**
 * One client's record as a FHIR R4 `collection` Bundle (issue 12): for their therapist
 * (`clientId`), or a client's own copy (`'self'`). The export is audited as one read of the
 * record, named in the client's access report (HIPAA 164.528); a client the caller may not see is
 * a 404, audited as denied. Psychotherapy notes are never read (HIPAA 45 CFR 164.501). A client's
 * own copy asks `clientCopyReleased` first, like the PDF (a practice may review copies first).
 */
export function buildClientBundle(
  ctx: AccessContext,
  clientId: string | 'self',
  options: BundleOptions = {},
): Promise<Bundle> {
  const self = clientId === 'self';
  const action = self ? 'portal.fhir.export' : 'client.fhir.export';
  const target = { resourceType: 'client', resourceId: self ? null : clientId, what: 'client' };
  return perform(ctx, action, target, async (tx, step) => {
    const scope: ExportScope = options.scope ?? {
      audience: step.actor.role === 'client' ? 'client' : 'therapist',
    };
    const facts = await gatherRecord(tx, ctx, step.actor, clientId, scope);
    if (!facts) return HIDDEN;
    step.about({ clientId: facts.client.id });
    if (self) {
      // The client's own copy leaves only when the practice's review rule allows it (the same
      // rule as the PDF's): 409 COPY_NOT_RELEASED otherwise, audited as a failure.
      const client = { practiceId: step.actor.practiceId, id: facts.client.id };
      const release = await clientCopyReleased(tx, client, ctx.services.now(), (row) =>
        openRefusal(tx, ctx, row),
      );
      if (!release.released)
        return new Refusal(release.refusal, { requestId: release.request?.id ?? null });
    }
    const pdfs = new Map<string, Uint8Array>();
    if (options.renderSummaryPdf)
      for (const s of facts.summaries) pdfs.set(s.id, await options.renderSummaryPdf(s.view));
    const bundle = assembleBundle(facts, {
      bundleId: randomUUID(),
      base: `${ctx.services.publicUrl.replace(/\/$/, '')}/fhir`,
      at: ctx.services.now(),
      pdfs,
    });
    step.audit({
      resourceType: 'client',
      resourceId: facts.client.id,
      detail: {
        format: 'fhir-r4',
        audience: scope.audience,
        episodes: facts.episodes.length,
        resources: bundle.entry?.length ?? 0,
      },
    });
    return bundle;
  });
}
