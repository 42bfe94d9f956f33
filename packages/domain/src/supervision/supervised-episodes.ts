import type * as Contract from '@throughline/contracts';
import { sql } from 'drizzle-orm';
import { type AccessContext, perform } from '../access';
import { clientFieldPurpose, clientHeadSql } from '../clients';
import { liveSupervisionShares } from '../consent';
import { visibleEpisodesSql } from '../episodes';
import { userNameSql } from '../identity';

export type SupervisedEpisode = Contract.SupervisedEpisode;

type Row = {
  id: string;
  client_id: string;
  phase: Contract.Phase;
  display_name: string;
  preferred_name: string | null;
  pronouns: string | null;
  therapist_name: string;
};

/**
 * The supervisor's home: the episodes they may read — of therapists they supervise, whose client
 * has a live supervision consent — with what each consent shares. Read fresh on every request.
 */
export async function listSupervisedEpisodes(ctx: AccessContext): Promise<SupervisedEpisode[]> {
  const target = { resourceType: 'episode', what: 'episode' };
  return perform(ctx, 'supervision.episode.list', target, async (tx, step) => {
    const { actor } = step;
    const result = await tx.execute<Row>(sql`
      SELECT ep.id, ep.client_id, ep.phase, c.display_name, c.preferred_name, c.pronouns,
        ${userNameSql(sql`ep.practice_id`, sql`ep.therapist_id`)} AS therapist_name
      FROM (${visibleEpisodesSql(actor, { notClosed: true })}) ep
      JOIN LATERAL (${clientHeadSql({ practiceId: sql`ep.practice_id`, clientId: sql`ep.client_id` })}) c ON true
      ORDER BY c.display_name, ep.opened_at`);
    const rows = result.rows;
    const consents = await liveSupervisionShares(
      tx,
      actor.practiceId,
      rows.map((r) => r.client_id),
    );
    const items: SupervisedEpisode[] = [];
    for (const r of rows) {
      const consent = consents.get(r.client_id);
      if (!consent) continue; // withdrawn between the two reads: not shown
      items.push({
        episodeId: r.id,
        clientId: r.client_id,
        clientName: r.preferred_name ?? r.display_name,
        pronouns: await ctx.services.keyring.decryptOptional(
          tx,
          actor.practiceId,
          r.pronouns,
          clientFieldPurpose(r.client_id, 'pronouns'),
        ),
        therapistName: r.therapist_name,
        phase: r.phase,
        shares: consent.shares,
        consentSignedAt: consent.signedAt,
      });
    }
    step.audit({ detail: { count: items.length } });
    return items;
  });
}
