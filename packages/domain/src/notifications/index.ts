export { type DispatchOptions, dispatchOutbox } from './dispatcher';
export { enqueueEmail, type OutgoingEmail } from './enqueue';
export { listOutbox, type OutboxItem } from './list-outbox';
