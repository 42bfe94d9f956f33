export { type AttentionKind, type CaseloadEntry, readCaseload } from './read-caseload';
