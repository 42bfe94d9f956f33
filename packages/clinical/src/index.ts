/**
 * @throughline/clinical — the pure clinical core (CLINICAL.md). No I/O; every rule names its source.
 */
export * from './alerts';
export * from './change';
export * from './fhir';
export * from './gas';
export * from './guards';
export {
  answerRange,
  findInstrument,
  getInstrument,
  INSTRUMENTS,
  PCL_5,
} from './instruments';
export { clientBandWords, scoreInClientWords } from './instruments/client-wording';
export {
  fromQuestionnaire,
  type ImportedScoring,
  type ImportOutcome,
  type ImportProblem,
  type ImportTarget,
} from './instruments/from-questionnaire';
export { instrumentShortName, scoreRange } from './instruments/score-range';
export type * from './instruments/types';
export * from './outcome';
export * from './readiness';
export * from './risk-language';
export * from './scoring';
