// The ending summary (issue 11): drafted from the record, edited by the therapist, shared.
export { type BeforeThisEpisode, loadBeforeThisEpisode } from './before-this-episode';
export { readEndingSummary } from './read-ending-summary';
export { type EndingSummaryRecord, endingSummaryForRecord } from './record-reads';
export { shareEndingSummary } from './share-ending-summary';
export { sharedSummaryWords } from './shared-words';
export { updateEndingSummary } from './update-ending-summary';
export { summaryContentPurpose } from './views';
