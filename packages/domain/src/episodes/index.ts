export {
  type EpisodeAccess,
  type EpisodeRow,
  episodesVisibleTo,
  findVisibleEpisode,
} from '../access';
export { changeEpisodePhase } from './change-phase';
export { listClientEpisodeRows } from './copy-reads';
export { createEpisode, type NewEpisode } from './create-episode';
export { closingRefusal, endingKindRefusal, phaseAfterEnding } from './ending-rule';
export {
  type EndingRow,
  endingDetailsPurpose,
  endingReasonPurpose,
  findEndingRow,
  insertEndingRow,
  sealEndingContent,
} from './endings-repository';
export { getEpisode } from './get-episode';
export {
  type EpisodeFromRecord,
  IMPORTED_EPISODE_TITLE,
  insertEpisodeFromRecord,
  openImportedEpisodeInTx,
} from './imported';
export { type EpisodePage, listEpisodes } from './list-episodes';
export { movePhaseInTx, type PhaseMove, type PhaseMoved } from './move-phase';
export { canChangePhase, nextPhases, PHASES, type Phase, phaseChangeRefusal } from './phases';
export {
  admittedEpisodeSql,
  coveredEpisodesSql,
  type EpisodeHeadRow,
  episodeEvents,
  phaseChangeEvents,
  practiceEpisodesSql,
  seesAnyEpisodeOfSql,
  visibleEpisodesSql,
} from './reads';
export { type EpisodeRecord, listEpisodesForRecord, listTreatingTherapists } from './record-reads';
export type { EpisodeDetail, EpisodeView, PhaseChangeView } from './views';
export { episodeTitlePurpose, openEpisodeTitle, phaseReasonPurpose } from './views';
