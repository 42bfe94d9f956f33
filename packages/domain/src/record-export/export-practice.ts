import { randomUUID } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';
import type { EndingSummary } from '@throughline/contracts';
import type { AccessContext, SignedIn } from '../access';
import { recordAudit } from '../audit';
import { listPracticeClients } from '../clients';
import { listTreatingTherapists } from '../episodes';
import { findPracticeById } from '../identity';
import { AppError } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { assembleBundle } from './assemble';
import { gatherRecord } from './gather';

export type PracticeExportOptions = {
  /** Who ran the export at the console (their account on the machine), named in the audit. */
  operator: string;
  /** Receives each resource once, client by client (Organization and Practitioners once). */
  write: (resource: Resource) => Promise<void>;
  /** As for `buildClientBundle`: the ending summaries' PDFs, rendered by the app. */
  renderSummaryPdf?: (summary: EndingSummary) => Promise<Uint8Array>;
};

export type PracticeExportResult = {
  practice: { id: string; name: string };
  clients: number;
  /** Resources written, by resource type. */
  counts: Record<string, number>;
};

/**
 * The whole practice as FHIR R4 resources, for a practice that leaves (issue 12): an operator
 * action at the console, with no signed-in user. Each client's record is read exactly as their
 * therapists' exports read it (`gatherRecord` through the kernel's therapist scope, once per
 * therapist who treats them, so the union is every episode), one client at a time, and written
 * before the next is read. Each client's read is audited as a `client.fhir.export` naming them
 * (their access report shows it), the whole export as one `practice.fhir.export` with the counts.
 * Psychotherapy notes are never read. Unknown practice: NOT_FOUND.
 */
export async function exportPractice(
  ctx: AccessContext,
  practiceId: string,
  options: PracticeExportOptions,
): Promise<PracticeExportResult> {
  const { db } = ctx.services;
  const practice = await findPracticeById(db, practiceId);
  if (!practice) throw new AppError('NOT_FOUND', `No practice with id ${practiceId} exists.`);
  const seen = new Set<string>();
  const counts: Record<string, number> = {};
  const clients = await practiceClients(ctx, practiceId);
  for (const client of clients) {
    const fresh = await inTransaction(db, async (tx) => {
      const out: Resource[] = [];
      let episodes = 0;
      for (const therapistId of client.therapistIds) {
        const keeper = { ...ctx, actor: readingAs(practiceId, therapistId) };
        const facts = await gatherRecord(tx, keeper, keeper.actor, client.id, {
          audience: 'therapist',
        });
        if (!facts) continue;
        episodes += facts.episodes.length;
        const pdfs = new Map<string, Uint8Array>();
        if (options.renderSummaryPdf)
          for (const s of facts.summaries) pdfs.set(s.id, await options.renderSummaryPdf(s.view));
        const bundle = assembleBundle(facts, {
          bundleId: randomUUID(),
          base: `${ctx.services.publicUrl.replace(/\/$/, '')}/fhir`,
          at: ctx.services.now(),
          pdfs,
        });
        for (const entry of bundle.entry ?? []) {
          const r = entry.resource;
          if (!r?.id || seen.has(`${r.resourceType}/${r.id}`)) continue;
          seen.add(`${r.resourceType}/${r.id}`);
          out.push(r);
        }
      }
      await recordAudit(tx, ctx, {
        practiceId,
        actorUserId: null,
        action: 'client.fhir.export',
        resourceType: 'client',
        resourceId: client.id,
        outcome: 'success',
        subjectClientId: client.id,
        detail: {
          format: 'fhir-r4',
          audience: 'therapist',
          via: 'practice-export',
          operator: options.operator,
          episodes,
          resources: out.length,
        },
      });
      return out;
    });
    for (const r of fresh) {
      await options.write(r);
      counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
    }
  }
  await recordAudit(db, ctx, {
    practiceId,
    actorUserId: null,
    action: 'practice.fhir.export',
    resourceType: 'practice',
    resourceId: practiceId,
    outcome: 'success',
    detail: {
      format: 'fhir-r4-ndjson',
      operator: options.operator,
      clients: clients.length,
      resources: Object.values(counts).reduce((a, b) => a + b, 0),
      ...counts,
    },
  });
  return { practice: { id: practice.id, name: practice.name }, clients: clients.length, counts };
}

/**
 * The scope an export reads a client's record in: their therapist's (the kernel's
 * `episodesVisibleTo`), never wider. No one signs in: the console operator holds the practice's
 * keys already, and the audit names them, not the therapist.
 */
function readingAs(practiceId: string, therapistId: string): SignedIn {
  return {
    kind: 'user',
    userId: therapistId,
    practiceId,
    role: 'therapist',
    stage: 'complete',
    twoFactorVerified: true,
    via: 'cli',
  };
}

/**
 * Every client of the practice with everyone who treats them (their therapist and each episode's),
 * so reading through each of those therapists' scope covers every episode.
 */
async function practiceClients(
  ctx: AccessContext,
  practiceId: string,
): Promise<{ id: string; therapistIds: string[] }[]> {
  const { db } = ctx.services;
  const byClient = new Map<string, Set<string>>();
  for (const c of await listPracticeClients(db, practiceId))
    byClient.set(c.id, new Set([c.therapistId]));
  for (const t of await listTreatingTherapists(db, practiceId))
    byClient.get(t.clientId)?.add(t.therapistId);
  return [...byClient].map(([id, therapists]) => ({ id, therapistIds: [...therapists] }));
}
