import { randomUUID } from 'node:crypto';
import type * as Contract from '@throughline/contracts';
import type { z } from 'zod';
import { type AccessContext, performOnEpisode } from '../access';
import type { Executor } from '../shared/transaction';
import { type BoundaryRow, insertEntry, listByEpisode } from './repository';

export type BoundaryEntry = Contract.BoundaryEntry;
export type BoundaryEntryInput = z.output<typeof Contract.boundaryEntryRequest>;

/** The encryption purpose of an entry's content. */
export const boundaryPurpose = (id: string): string => `boundary-entry.content:${id}`;

type Content = {
  v: 1;
  description: string;
  reflection: string;
  consultation: string;
  codeClause: string;
  followUp: string;
};

async function toEntry(tx: Executor, ctx: AccessContext, row: BoundaryRow): Promise<BoundaryEntry> {
  const content = JSON.parse(
    await ctx.services.keyring.decrypt(tx, row.practiceId, row.content, boundaryPurpose(row.id)),
  ) as Content;
  return {
    id: row.id,
    episodeId: row.episodeId,
    kind: row.kind,
    assessment: row.assessment,
    occurredOn: row.occurredOn,
    description: content.description,
    reflection: content.reflection,
    consultation: content.consultation,
    codeClause: content.codeClause,
    followUp: content.followUp,
    authorName: row.authorName,
    createdAt: row.createdAt,
  };
}

/**
 * The episode's boundary and ethics log: its therapist, and a supervisor whose client's consent
 * shares it (the policy's `part`). Never the client, never a designee.
 */
export async function listBoundaryEntries(
  ctx: AccessContext,
  episodeId: string,
): Promise<BoundaryEntry[]> {
  return performOnEpisode(ctx, 'boundary-log.list', episodeId, async (tx, step) => {
    const rows = await listByEpisode(tx, step.episode.practiceId, episodeId);
    await ctx.services.keyring.dataKey(tx, step.episode.practiceId);
    const items: BoundaryEntry[] = [];
    for (const row of rows) items.push(await toEntry(tx, ctx, row));
    step.audit({ detail: { count: items.length } });
    return items;
  });
}

/**
 * Adds an entry (APA 3.05, ACA A.5–A.6: boundary extensions are assessed and documented). Open in
 * every phase — post-ending contact is logged after the ending. Entries are never edited.
 */
export async function addBoundaryEntry(
  ctx: AccessContext,
  episodeId: string,
  input: BoundaryEntryInput,
): Promise<BoundaryEntry> {
  return performOnEpisode(ctx, 'boundary-log.create', episodeId, async (tx, step) => {
    const id = randomUUID();
    const { practiceId } = step.episode;
    const content: Content = {
      v: 1,
      description: input.description,
      reflection: input.reflection,
      consultation: input.consultation,
      codeClause: input.codeClause,
      followUp: input.followUp,
    };
    await insertEntry(tx, {
      practiceId,
      id,
      episodeId,
      authorId: step.actor.userId,
      kind: input.kind,
      assessment: input.assessment,
      occurredOn: input.occurredOn,
      content: await ctx.services.keyring.encrypt(
        tx,
        practiceId,
        JSON.stringify(content),
        boundaryPurpose(id),
      ),
      createdAt: ctx.services.now(),
    });
    step.audit({ resourceType: 'boundary-entry', resourceId: id, detail: { kind: input.kind } });
    const [row] = (await listByEpisode(tx, practiceId, episodeId)).filter((r) => r.id === id);
    if (!row) throw new Error('boundary entry not found after insert');
    return toEntry(tx, ctx, row);
  });
}
