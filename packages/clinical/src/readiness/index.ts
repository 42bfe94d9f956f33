export {
  BELOW_CUTOFF_SESSIONS,
  READINESS_RULE,
  READINESS_RULE_VERSION,
  type ReadinessGoal,
  type ReadinessReason,
  type ReadinessSeries,
  type ReadinessSuggestion,
  suggestReadinessReview,
} from './suggest';
