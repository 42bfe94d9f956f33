export {
  type ChainPoint,
  type Checkpoint,
  CheckpointError,
  readCheckpoint,
  signCheckpoint,
  takeCheckpoint,
} from './checkpoint';
export { AUDIT_EVENT_VERSION } from './hash';
export { listSubjectEvents, type SubjectEventQuery, type SubjectEventRow } from './reads';
export { type AuditEntry, recordAudit } from './record';
export { sealAuditEvents } from './seal';
export {
  type ChainReport,
  type KeptHead,
  verifyAuditChain,
  verifyPracticeAuditChain,
} from './verify';
