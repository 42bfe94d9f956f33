// The practice's risk-language phrase lists (issue 10): a versioned setting merged into the screen.
export { getRiskPhrases, readPracticeRiskLists, saveRiskPhrases } from './settings';
