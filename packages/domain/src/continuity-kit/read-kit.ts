import { type ContinuityKit, KIT_PHASES } from '@throughline/contracts';
import { sql } from 'drizzle-orm';
import { type AccessContext, perform, signedIn } from '../access';
import { listPortalHomeRows } from '../carry-forward';
import { liveConsentSignedAt } from '../consent';
import { clientMayMessage } from '../contact';
import { readCrisisResources } from '../contact-settings';
import { type EpisodeHeadRow, openEpisodeTitle, type Phase, visibleEpisodesSql } from '../episodes';
import { findDisplayNames, findPracticeById } from '../identity';
import { listSignedNoteMusic } from '../notes';
import { fromPg, type Raw } from '../shared/local-time';
import type { Executor } from '../shared/transaction';
import { acceptedRelapsePlan } from './ending-plan';

const OWNERSHIP =
  'Songs, lyrics and music you made in therapy belong to you. Your therapist keeps a copy only as part of your record and will not use them anywhere else.';
const EVERYTHING = new Date(0);

/** An ended episode of the client, as the kit needs it. */
export type KitEpisode = {
  practiceId: string;
  id: string;
  clientId: string;
  therapistId: string;
  phase: Phase;
  title: string;
  openedAt: Date;
};

/** The client's episodes that have ended, newest first (through the episodes module's read). */
async function endedEpisodes(tx: Executor, ctx: AccessContext): Promise<KitEpisode[]> {
  const phases = sql.join(
    KIT_PHASES.map((p) => sql`${p}`),
    sql`, `,
  );
  const result = await tx.execute<Raw<EpisodeHeadRow>>(sql`
    SELECT * FROM (${visibleEpisodesSql(signedIn(ctx), 'all')}) ep
    WHERE ep.phase IN (${phases}) ORDER BY ep.opened_at DESC, ep.id DESC`);
  return result.rows.map((r) => ({
    practiceId: r.practice_id,
    id: r.id,
    clientId: r.client_id,
    therapistId: r.therapist_id,
    phase: r.phase,
    title: r.title,
    openedAt: fromPg(r.opened_at),
  }));
}

function howToAsk(messagesOpen: boolean, therapist: string | null, practice: string): string {
  const who = therapist ?? 'your therapist';
  return messagesOpen
    ? `To ask for a check-in or to come back, send ${who} a message here in the portal. There is no need to explain more than you want to; a short note is enough.`
    : `Messages in the portal are not open for this course of therapy. To ask for a check-in or to come back, contact ${practice} and ask for ${who}; you are welcome to get in touch whenever you need to.`;
}

async function kitOf(
  tx: Executor,
  ctx: AccessContext,
  episode: KitEpisode,
  practiceName: string,
): Promise<ContinuityKit> {
  const { practiceId, id } = episode;
  const keyring = ctx.services.keyring;
  const relapse = await acceptedRelapsePlan(tx, ctx, episode);
  const homework = await listPortalHomeRows(tx, keyring, {
    practiceId,
    episodesSql: sql`SELECT ${practiceId}::uuid AS practice_id, ${id}::uuid AS id`,
    doneSince: EVERYTHING,
  });
  const signedAt = await liveConsentSignedAt(tx, practiceId, episode.clientId, 'recording');
  const messagesOpen = await clientMayMessage(tx, ctx, episode);
  const names = await findDisplayNames(tx, practiceId, [episode.therapistId]);
  const therapist = names.get(episode.therapistId) ?? null;
  return {
    episodeId: id,
    title: await openEpisodeTitle(tx, keyring, episode),
    phase: episode.phase,
    openedAt: episode.openedAt,
    therapistName: therapist,
    practiceName,
    relapsePrevention: relapse?.plan ?? null,
    planAcceptedAt: relapse?.acceptedAt ?? null,
    homework,
    music: await listSignedNoteMusic(tx, keyring, { practiceId, episodeId: id }),
    recording: { consented: signedAt !== null, signedAt, ownership: OWNERSHIP },
    crisisResources: await readCrisisResources(tx, practiceId),
    contact: { messagesOpen, how: howToAsk(messagesOpen, therapist, practiceName) },
  };
}

/**
 * The client's continuity kits (issue 11): one per episode that has ended (phase `ending`,
 * `aftercare` or `closed`), newest first, kept for as long as the account exists. The client's
 * own; audited with how many kits it held, never their content.
 */
export function readContinuityKits(ctx: AccessContext): Promise<{ items: ContinuityKit[] }> {
  const actor = signedIn(ctx);
  const target = { resourceType: 'continuity-kit', what: 'continuity kit' };
  return perform(ctx, 'continuity-kit.read', target, async (tx, step) => {
    const rows = await endedEpisodes(tx, ctx);
    const practice = await findPracticeById(tx, actor.practiceId);
    const items: ContinuityKit[] = [];
    for (const row of rows) items.push(await kitOf(tx, ctx, row, practice?.name ?? 'the practice'));
    const first = rows[0];
    if (first) step.about({ clientId: first.clientId });
    step.audit({ detail: { kits: items.length } });
    return { items };
  });
}
