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

export function toEpisodeView(row: EpisodeListRow): EpisodeView {
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

export function toPhaseChangeView(row: PhaseChangeRow, withReason: boolean): PhaseChangeView {
  return {
    from: row.from,
    to: row.to,
    changedBy: { id: row.changedBy, displayName: row.changedByName },
    changedAt: row.changedAt,
    ...(withReason ? { reason: row.reason } : {}),
  };
}
