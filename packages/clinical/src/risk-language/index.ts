export { riskLanguageAlert } from './alert';
export { RISK_PHRASES_EN } from './phrases-en';
export {
  checkPracticeRiskPhrases,
  mergeRiskPhraseLists,
  type PhraseListIssue,
  SHIPPED_RISK_LISTS,
  screenRiskLanguageLists,
} from './practice-lists';
export { phraseKey, screenRiskLanguage } from './screen';
export type {
  PracticeRiskLanguage,
  PracticeRiskPhrases,
  RiskLanguageMatch,
  RiskLanguageResult,
  RiskPhraseList,
} from './types';
