export { type RiskFinding, riskItemsAnswered, riskItemsOf } from './risk';
export { type ScoreOptions, type ScoreOutcome, type ScoreResult, scoreAnswers } from './score';
export { type AnswerIssue, validateAnswers } from './validate';
