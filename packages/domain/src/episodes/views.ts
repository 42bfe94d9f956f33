import type { Keyring } from '../crypto/keyring';
import type { Executor } from '../shared/transaction';
import type { Phase } from './phases';
import type { ClientSummary, EpisodeListRow, PhaseChangeRow } from './repository';

export type EpisodeView = {
  id: string;
  clientId: string;
  therapistId: string;
  therapistName: string;
  phase: Phase;
  title: string;
  previousEpisodeId: string | null;
  openedAt: Date;
  closedAt: Date | null;
};

export type PhaseChangeView = {
  from: Phase | null;
  to: Phase;
  changedBy: { id: string; displayName: string };
  changedAt: Date;
  /** Therapist-only: absent when the client reads their own episode. */
  reason?: string;
};

export type EpisodeDetail = EpisodeView & {
  client: ClientSummary;
  phaseHistory: PhaseChangeView[];
  /** The episodes before this one, nearest first (a returning client's history). */
  previousEpisodeIds: string[];
  /** Where this episode may move next (empty for a client reader and for a closed episode). */
  nextPhases: Phase[];
};

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
