export { GAS_CLIENT_SCALE, gasClientWords } from './client-wording';
export { GAS_LEVEL_WORDS, gasLevelLabel } from './levels';
export {
  GAS_RHO,
  GAS_RULE,
  GAS_VERSION,
  type GasResult,
  type GoalRating,
  gasTScore,
} from './t-score';
