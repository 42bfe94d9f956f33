export {
  type EpisodeOutcome,
  episodeOutcome,
  type NotEligible,
  OUTCOME_RULE,
  OUTCOME_VERSION,
  type OutcomeInput,
  type OutcomeOptions,
  type PairedScores,
} from './episode-outcome';
