export { type AuditedRead, readAudited } from './read-audited';
export { type AuditEntry, recordAudit } from './record';
export { sealAuditEvents } from './seal';
export { type ChainReport, verifyAuditChain, verifyPracticeAuditChain } from './verify';
