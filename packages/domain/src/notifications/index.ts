export {
  type ClientMailKind,
  type ClientMailPermission,
  clientMailPolicy,
} from './client-mail-policy';
export { type DispatchOptions, dispatchOutbox, scrubFinishedMail } from './dispatcher';
export {
  enqueueEmail,
  enqueueLinkEmail,
  type OutgoingEmail,
  type OutgoingLinkEmail,
} from './enqueue';
export { notificationPeriodicJobs, outboxDispatchJob } from './jobs';
export { listOutbox, type OutboxItem } from './list-outbox';
export { OUTBOX_KINDS, type OutboxKind } from './tables';
