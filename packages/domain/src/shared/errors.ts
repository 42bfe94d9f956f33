/**
 * The one error type of the domain. Each code maps to one HTTP status in the server; the message
 * is written for the person who will read it.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'SESSION_EXPIRED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'TWO_FACTOR_REQUIRED'
  | 'TWO_FACTOR_ENROLMENT_REQUIRED'
  | 'INVALID_TWO_FACTOR_CODE'
  | 'FORBIDDEN'
  | 'CSRF_TOKEN_INVALID'
  | 'CONFLICT'
  | 'INVITATION_INVALID'
  | 'SIGN_UP_CODE_UNKNOWN'
  | 'SIGN_UP_CODE_SPENT'
  | 'LINK_INVALID'
  | 'APPOINTMENT_CONFLICT'
  | 'APPOINTMENT_STATE_INVALID'
  | 'EPISODE_PHASE_INVALID'
  | 'EPISODE_PHASE_FORBIDS'
  | 'EPISODE_ALREADY_OPEN'
  | 'EPISODE_ENDING_REQUIRED'
  | 'ENDING_ALREADY_RECORDED'
  | 'ENDING_KIND_NOT_ALLOWED'
  | 'RETENTION_NOT_REACHED'
  | 'EPISODE_DESTROYED'
  | 'NOTE_SIGNED'
  | 'NOTE_NOT_SIGNED'
  | 'NOTE_VERSION_CONFLICT'
  | 'THREAD_CLOSED'
  | 'HOMEWORK_DONE'
  | 'MEASURE_TASK_CLOSED'
  | 'PLAN_NOT_CURRENT'
  | 'AGREEMENT_VERSION_SUPERSEDED'
  | 'AGREEMENT_ANSWERED'
  | 'CONTACT_AGREEMENT_REQUIRED'
  | 'CONTACT_CHANNEL_OFF'
  | 'DISCUSSION_ITEM_RESOLVED'
  | 'FILE_TOO_LARGE'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'ALERT_ACKNOWLEDGED'
  | 'CONSENT_VERSION_SUPERSEDED'
  | 'CONSENT_ENDED'
  | 'COVER_ENDED'
  | 'ENDING_PLAN_NOT_AGREED'
  | 'COPY_NOT_RELEASED'
  | 'RECORD_REQUEST_ANSWERED'
  | 'COPY_REVIEW_OFF';

export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  /**
   * Extra members of the problem body, declared in the route's problem schema (e.g. the risk
   * `flags` and `crisisResources` of a refused questionnaire, CLINICAL.md §1).
   */
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    issues?: FieldIssue[],
    extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
    this.extra = extra;
  }
}

/** The answer for a record the caller may not see is the same as for one that does not exist. */
export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `No ${what} with that id was found.`);
}
