export * from './access';
export * from './access-report';
export * from './aftercare';
export * from './agreements';
export * from './appointments';
export * from './audit';
export * from './boundaries';
export * from './brief';
export * from './calendar';
export * from './carry-forward';
export * from './caseload';
export * from './clients';
export * from './consent';
export * from './contact';
export * from './contact-settings';
export * from './continuity-kit';
export * from './crypto';
export * from './ending-plan';
export * from './ending-summary';
export * from './endings';
export * from './episodes';
export * from './goals';
export * from './identity';
export * from './instruments';
export * from './measures';
export * from './moving-in';
export * from './notes';
export * from './notifications';
export * from './readiness';
export * from './record-copy';
export * from './record-export';
export * from './record-import';
export * from './retention';
export * from './risk-phrases';
export * from './sessions';
export { AppError, type ErrorCode, type FieldIssue, notFound } from './shared/errors';
export {
  defineJob,
  type JobData,
  type JobDefinition,
  type JobPolicy,
  type JobQueue,
  type PeriodicJob,
} from './shared/jobs';
export { type Executor, inTransaction } from './shared/transaction';
export * from './supervision';
export * from './timeline';
