export * from './access';
export * from './audit';
export * from './clients';
export * from './crypto';
export * from './identity';
export * from './notifications';
export { AppError, type ErrorCode, type FieldIssue, notFound } from './shared/errors';
export { type Executor, inTransaction } from './shared/transaction';
