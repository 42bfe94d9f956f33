import type { Episode, EpisodeDetail, PhaseChange } from '@throughline/contracts';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import type { EpisodeListRow, PhaseChangeRow } from './repository';

export type EpisodeView = Episode;

export type PhaseChangeView = PhaseChange;

export type { EpisodeDetail };

export const episodeTitlePurpose = (id: string): string => `episode.title:${id}`;
export const phaseReasonPurpose = (id: string): string => `episode-phase-change.reason:${id}`;

/** The title as the therapist wrote it (stored encrypted: it may say more than a label). */
export function openEpisodeTitle(
  db: Executor,
  keyring: Keyring,
  row: { practiceId: string; id: string; title: string },
): Promise<string> {
  return keyring.decrypt(db, row.practiceId, row.title, episodeTitlePurpose(row.id));
}

export async function openEpisode(
  db: Executor,
  keyring: Keyring,
  row: EpisodeListRow,
): Promise<EpisodeView> {
  return { ...toEpisodeView(row), title: await openEpisodeTitle(db, keyring, row) };
}

/** The row's fields; `title` is still sealed (use `openEpisode`). */
function toEpisodeView(row: EpisodeListRow): EpisodeView {
  return {
    id: row.id,
    clientId: row.clientId,
    therapistId: row.therapistId,
    therapistName: row.therapistName,
    phase: row.phase,
    title: row.title,
    previousEpisodeId: row.previousEpisodeId,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
  };
}

/** `withReason`: the reason is opened only for a reader who may see it (never the client). */
export async function openPhaseChange(
  db: Executor,
  keyring: Keyring,
  row: PhaseChangeRow,
  withReason: boolean,
): Promise<PhaseChangeView> {
  return {
    from: row.from,
    to: row.to,
    changedBy: { id: row.changedBy, displayName: row.changedByName },
    changedAt: row.changedAt,
    ...(withReason
      ? {
          reason: await keyring.decrypt(db, row.practiceId, row.reason, phaseReasonPurpose(row.id)),
        }
      : {}),
  };
}
