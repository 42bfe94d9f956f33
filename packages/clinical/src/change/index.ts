export {
  type ChangeCategory,
  classifyChange,
  isCase,
  type PairChange,
  type PairOptions,
} from './category';
export {
  clinicalCutoff,
  isReliableChange,
  JACOBSON_TRUAX,
  type Norms,
  reliableChangeIndex,
  smallestReliableChange,
  standardErrorOfDifference,
} from './jacobson-truax';
