export { dayIn, retentionOfFacts } from './clock';
export { destroyEpisode } from './destroy';
export { listRetentionDue } from './due';
export { ERASED, KEPT } from './erase';
export { findFacts as findRetentionFacts } from './repository';
export { addYears, isDue, type RetentionRule, retentionDate } from './retention-date';
export { getRetentionSettings, retentionRuleOf, updateRetentionSettings } from './settings';
