// Measures (issue 4): responses, scores, episode outcome, alerts. Other parts of the module
// (measurement plans, portal tasks) add their exports here.
export { acknowledgeAlert } from './acknowledge-alert';
export {
  type BriefMeasure,
  loadBriefAlerts,
  loadBriefMeasures,
  loadLatestTotals,
  openAlertCountsSql,
} from './brief-sections';
export { listEpisodeScoreRows } from './copy-reads';
// Measurement plans and the client's questionnaire tasks.
export { type CreatedMeasureTasks, createTasksForAppointment } from './create-measure-tasks';
export { dueInstruments, PLAN_SCHEDULES, type PlanSchedule } from './due';
export { firstAndLastScores } from './ending-reads';
export { getMeasurementPlan } from './get-measurement-plan';
export {
  MEASURE_INVITATION_LEAD_MS,
  MEASURE_INVITATION_QUEUE,
  type MeasureInvitationJob,
  type MeasureInvitationOutcome,
  measureInvitationJob,
  NEUTRAL_MEASURE_INVITATION,
  scheduleMeasureInvitation,
  sendMeasureInvitations,
} from './invitations';
export { measureJobs } from './jobs';
export { type CaseloadAlertView, listCaseloadAlerts, listEpisodeAlerts } from './list-alerts';
export {
  EPISODE_TASKS_SHOWN,
  listEpisodeMeasureTasks,
} from './list-episode-measure-tasks';
export { listPortalMeasureTasks } from './list-portal-measure-tasks';
export { type InstrumentScores, listScores, type ScorePoint } from './list-scores';
export {
  getMeasureSettings,
  type MeasureSettingsView,
  updateMeasureSettings,
} from './measure-settings';
export { DEFAULT_MEASUREMENT_PLAN, type PlanItem } from './plan-defaults';
export type { MeasurementPlanView } from './plan-views';
export {
  changeOptions,
  MEASURE_SETTINGS_VERSION,
  type MeasureSettings,
  readMeasureSettings,
} from './practice-settings';
export {
  type PortalProgressItem,
  type ProgressSharing,
  readPortalProgress,
  shareProgress,
  unshareProgress,
} from './progress-shares';
export {
  type ProgressSharingStateView,
  readProgressSharing,
} from './progress-sharing-state';
export { computeOutcome, type OutcomeView, readOutcome } from './read-outcome';
export { loadReadinessMeasures, type ReadinessMeasures } from './readiness-evidence';
export { listResponsesForRecord, type ResponseRecord } from './record-reads';
export {
  type RecordedResponse,
  type RecordResponseInput,
  recordResponse,
} from './record-response';
export { lastScoreAt } from './repository';
export { raiseRiskLanguageAlert } from './risk-language-alert';
export { type SavedProgress, saveMeasureTaskProgress } from './save-measure-task-progress';
export { scoreInstrument } from './score-instrument';
export { type SentMeasureTask, sendMeasureTask } from './send-measure-task';
export { listSessionMeasures } from './session-reads';
export { type ScoredForm, storeScoredResponse } from './store-response';
export { submitMeasureTask } from './submit-measure-task';
export type { MeasureTaskSummary, PortalMeasureTask } from './task-views';
export { type UpdateMeasurementPlanInput, updateMeasurementPlan } from './update-measurement-plan';
export type { AlertKind, AlertView, ResponseView } from './views';
export { alertInputsPurpose, answersPurpose as responseAnswersPurpose } from './views';
