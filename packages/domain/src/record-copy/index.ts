// The client's own copy of their record (issue 12; HIPAA 164.524).
export { downloadOwnCopy, readOwnRecordCopy } from './download';
export {
  decideRecordRequest,
  listPendingRecordRequests,
  readOwnCopyState,
  requestOwnCopy,
  reviewClientCopy,
} from './requests';
export { openRefusal } from './requests-view';
export { type CopyRelease, clientCopyReleased } from './rule';
export type {
  RecordCopy,
  RecordCopyConsent,
  RecordCopyEndingSummary,
  RecordCopyEpisode,
  RecordCopyGoal,
  RecordCopyMessage,
  RecordCopyNote,
  RecordCopyScores,
  RecordCopySession,
} from './views';
