export { GAS_LEVEL_WORDS, gasLevelLabel } from './levels';
export {
  GAS_RHO,
  GAS_RULE,
  GAS_VERSION,
  type GasResult,
  type GoalRating,
  gasTScore,
} from './t-score';
