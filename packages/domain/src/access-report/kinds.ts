import type { AccessAction, AccessRecordKind } from '@throughline/contracts';

/**
 * What an audited action tells the client, in their terms: which kind of record, read or changed.
 * The most specific prefix wins; an action nobody has named yet still shows, as "your record".
 */
const KINDS: readonly (readonly [prefix: string, kind: AccessRecordKind])[] = [
  ['client.access-report', 'access-report'],
  ['access-report', 'access-report'],
  ['client.timeline', 'timeline'],
  // A copy of the whole record (issue 12): the record itself, not the client's details.
  ['client.fhir', 'record'],
  ['portal.fhir', 'record'],
  ['client', 'details'],
  ['portal.update', 'details'],
  ['episode', 'episode'],
  ['appointment', 'session'],
  ['session.note', 'session-note'],
  ['session', 'session'],
  ['psychotherapy-note', 'private-note'],
  ['note', 'session-note'],
  ['thread', 'session-note'],
  ['homework', 'homework'],
  ['attachment', 'file'],
  ['brief', 'brief'],
  ['response', 'questionnaire'],
  ['measure-task', 'questionnaire'],
  ['score', 'scores'],
  ['outcome', 'scores'],
  ['progress', 'scores'],
  ['alert', 'alerts'],
  ['measurement-plan', 'measurement-plan'],
  ['goal', 'goals'],
  ['discussion-item', 'plan'],
  ['plan', 'plan'],
  ['reflection', 'plan'],
  ['readiness', 'plan'],
  ['continuity-kit', 'plan'],
  ['agreement', 'agreement'],
  ['contact-agreement', 'contact-agreement'],
  ['message', 'message'],
  ['consent', 'consent'],
  ['record-copy', 'copy'],
  ['record-request', 'copy-request'],
];

/** Actions named by more than their verb (issue 12): a copy left, a request was answered. */
const ACTIONS: Readonly<Record<string, AccessAction>> = {
  'record-copy.pdf': 'download',
  'record-copy.review': 'read',
  'record-request.create': 'request',
  'record-request.release': 'release',
  'record-request.refuse': 'refuse',
};

/** The verbs that only look: `note.read`, `goal.list`, `client.timeline`. */
const READ_VERBS = ['read', 'list', 'timeline'] as const;

/**
 * A copy of the record leaving the system (issue 12) is a read too, but unlike other reads it
 * is shown even when the client made it themself: a copy is worth knowing about.
 */
const COPY_VERBS = ['export'] as const;

/** The same rule as a POSIX regular expression, for the query that leaves out the client's reads. */
export const READ_ACTIONS_PATTERN = `\\.(${READ_VERBS.join('|')})$`;

/** The agreement primitive's events (`agreement.*`) say which agreement in `detail.kind`. */
const AGREEMENT_KINDS: Readonly<Record<string, AccessRecordKind>> = {
  'contact-agreement': 'contact-agreement',
  'shared-plan': 'plan',
};

export function kindOf(action: string, agreementKind?: string | null): AccessRecordKind {
  if (action.startsWith('agreement.') && agreementKind && AGREEMENT_KINDS[agreementKind])
    return AGREEMENT_KINDS[agreementKind];
  const found = KINDS.find(([prefix]) => action === prefix || action.startsWith(`${prefix}.`));
  return found ? found[1] : 'record';
}

export function accessOf(action: string): AccessAction {
  const named = ACTIONS[action];
  if (named) return named;
  const verb = action.slice(action.lastIndexOf('.') + 1);
  return [...READ_VERBS, ...COPY_VERBS].includes(verb as never) ? 'read' : 'change';
}
