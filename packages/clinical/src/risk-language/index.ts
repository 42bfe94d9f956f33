export { riskLanguageAlert } from './alert';
export { RISK_PHRASES_EN } from './phrases-en';
export { screenRiskLanguage } from './screen';
export type { RiskLanguageMatch, RiskLanguageResult, RiskPhraseList } from './types';
