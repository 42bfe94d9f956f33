import { ENDING_SUMMARY_PHASES, type Phase, type SupervisionPart } from '@throughline/contracts';
import { AppError } from '../shared/errors';
import type { AccessContext, Actor, AuthStage, Role, SignedIn } from './actor';
import type { Relation } from './episode-scope';

/**
 * Every action the API can perform, with who may attempt it and, for actions on an episode, in
 * which phases. Record-level scoping (this therapist, this client) is applied by the kernel
 * (`perform.ts`, `episode-scope.ts`) on top of this; anything not listed is denied.
 */
type Rule = {
  /**
   * `anyone` includes anonymous callers. Roles, and for actions on an episode the relations
   * (episode-scope.ts): `supervisor` and `designee` are admitted only where named here.
   */
  who: 'anyone' | 'signed-in' | readonly (Role | 'designee')[];
  /**
   * The part of the episode the action reads, for a supervisor: admitted only when the client's
   * live supervision consent shares it (psychotherapy notes are never a part).
   */
  part?: SupervisionPart;
  /** Sign-in stages allowed; default only `complete`. */
  stages?: readonly AuthStage[];
  /** A denied caller gets 404 (as if the record did not exist) rather than 403. */
  hidesExistence?: boolean;
  /** What a caller whose role is refused (403) is told, when more than "your role" helps. */
  refusal?: string;
  /** Only a session that passed two-factor may do this (not a bearer token). */
  needsVerifiedSession?: boolean;
  /**
   * The episode phases in which this action may be performed — for everyone, or per relation to
   * the episode (a relation not named: every phase); absent means every phase. Reads are never
   * phase-limited: a closed episode is still the record, and must stay readable.
   */
  phases?: readonly Phase[] | Readonly<Partial<Record<Relation, readonly Phase[]>>>;
};

const CEREMONY: readonly AuthStage[] = ['two-factor', 'enrol-two-factor', 'complete'];
/**
 * Every phase but `closed`. A closed episode is a finished record: a clinician expects to read it,
 * correct it by addendum and account for what happened in it, not to add new clinical content to
 * it — a client who returns gets a new episode linked to this one (ARCHITECTURE.md, phases).
 */
const OPEN: readonly Phase[] = ['intake', 'active', 'ending', 'aftercare'];

/**
 * From the ending on (issue 11): the ending summary is drafted once the episode is ending and can
 * still be written and shared in aftercare and after closure, when it is often finished.
 */
const FROM_ENDING: readonly Phase[] = ENDING_SUMMARY_PHASES;

/** Everyone who works at the practice (not its clients). */
const STAFF: readonly Role[] = ['practice_admin', 'therapist', 'supervisor'];
const TOKENS_ARE_FOR_STAFF =
  "Personal API tokens are for the practice's staff; a client's portal account does not use them.";

const IMPORT_IS_THE_THERAPISTS =
  "Clients are moved in by their therapist, into the therapist's own caseload: sign in as the therapist to import the file.";

export const POLICY = {
  'health.read': { who: 'anyone' },
  'docs.read': { who: 'anyone' },
  'web.read': { who: 'anyone' },
  'auth.sign-in': { who: 'anyone' },
  'auth.sign-out': { who: 'signed-in', stages: CEREMONY },
  'auth.two-factor.verify': { who: 'signed-in', stages: ['two-factor'] },
  'auth.two-factor.enrol': { who: 'signed-in', stages: ['enrol-two-factor', 'complete'] },
  // Account lifecycle (issue 7 item 13). A reset is asked for and used without signing in.
  'auth.password-reset.request': { who: 'anyone' },
  'auth.password-reset.complete': { who: 'anyone' },
  'auth.password.change': { who: 'signed-in' },
  'auth.sign-out-everywhere': { who: 'signed-in' },
  'invitation.read': { who: 'anyone' },
  'invitation.accept': { who: 'anyone' },
  'me.read': { who: 'signed-in' },
  'portal.read': { who: ['client'] },
  'client.list': { who: ['therapist', 'supervisor'] },
  'client.create': { who: ['therapist'] },
  // Moving in from another system (issue 12): a therapist imports their own clients (and past
  // sessions) into their own caseload, as they add one by hand (`client.create`). Not an
  // administrator on their behalf: the preview shows names, e-mails and dates of birth, and an
  // administrator sees no client records (ARCHITECTURE.md, security model).
  'client.import.preview': { who: ['therapist'], refusal: IMPORT_IS_THE_THERAPISTS },
  'client.import': { who: ['therapist'], refusal: IMPORT_IS_THE_THERAPISTS },
  // A new one-time sign-up code for the therapist's own client who has not signed up yet.
  'client.sign-up-code.issue': { who: ['therapist'], hidesExistence: true },
  // Anyone holding a code; the route limits attempts per address.
  'sign-up-code.redeem': { who: 'anyone' },
  'client.read': { who: ['therapist', 'supervisor', 'client'], hidesExistence: true },
  // Continuity (issue 3). Record actions hide existence: a record you may not see is a 404.
  'client.update': { who: ['therapist'], hidesExistence: true },
  // The timeline names what happened (never its content); a supervisor sees consented episodes.
  'client.timeline': { who: ['therapist', 'supervisor'], hidesExistence: true },
  'episode.list': { who: ['therapist', 'supervisor', 'client'] },
  'episode.create': { who: ['therapist'] },
  // A supervisor reads the episodes a client consented to share; a designee covering the
  // therapist reads the episode's head with its brief (issue 10).
  'episode.read': {
    who: ['therapist', 'client', 'supervisor', 'designee'],
    hidesExistence: true,
  },
  'episode.phase.change': { who: ['therapist'], hidesExistence: true },
  // How an episode ended (issue 11; APA 10.10, ACA A.11): recorded by its therapist, or by the
  // designee covering them when the therapist has died or is incapacitated (the use-case allows
  // a designee that kind only). Read by the therapist and the designee (as cover reads).
  'episode.ending.record': {
    who: ['therapist', 'designee'],
    hidesExistence: true,
    phases: ['intake', 'active', 'ending'],
  },
  'episode.ending.read': { who: ['therapist', 'designee'], hidesExistence: true },
  // The closure letter after a client's withdrawal: the client reads it in the portal.
  'closure-letter.read': { who: ['client', 'therapist'], hidesExistence: true },
  // Record retention (ETHICS.md): the administrator sets the practice's numbers, reviews the
  // records due and destroys one after its date (audited; the audit trail and a tombstone stay).
  'retention-settings.read': { who: ['practice_admin'] },
  'retention-settings.update': { who: ['practice_admin'] },
  'retention.due.list': { who: ['practice_admin'] },
  'episode.destroy': { who: ['practice_admin'], hidesExistence: true },
  // A new session belongs to a new episode once this one is closed.
  'appointment.create': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'appointment.list': { who: ['therapist', 'client'], hidesExistence: true },
  'appointment.read': { who: ['therapist', 'client'], hidesExistence: true },
  /** Clients may cancel their own sessions; the use-case allows them nothing else. */
  'appointment.update': { who: ['therapist', 'client'], hidesExistence: true },
  // The session page (issue 9): one session with its client, notes and questionnaires — the
  // therapist's view of the record, so not the client's. "Write the note" marks a begun session
  // attended and starts its note in one step: new clinical content, so not in a closed episode.
  'session.read': { who: ['therapist'], hidesExistence: true },
  'session.note.start': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'calendar.feed.manage': { who: ['therapist', 'client'] },
  'calendar.feed.read': { who: 'anyone' },
  'note.list': { who: ['therapist', 'supervisor'], hidesExistence: true, part: 'notes' },
  // Notes document care given in the episode; after closure only an addendum may add to it.
  'note.create': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'note.read': { who: ['therapist', 'supervisor'], hidesExistence: true, part: 'notes' },
  'note.update': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'note.sign': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  // An addendum is how a signed record is corrected, which must stay possible after closure.
  'note.addendum': { who: ['therapist'], hidesExistence: true },
  'psychotherapy-note.list': { who: ['therapist'], hidesExistence: true },
  'psychotherapy-note.create': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'psychotherapy-note.read': { who: ['therapist'], hidesExistence: true },
  'psychotherapy-note.update': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'psychotherapy-note.check': { who: ['therapist'] },
  'thread.list': { who: ['therapist'], hidesExistence: true },
  'thread.close': { who: ['therapist'], hidesExistence: true },
  'homework.list': { who: ['therapist', 'client'], hidesExistence: true },
  'homework.complete': { who: ['client'], hidesExistence: true },
  'attachment.create': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'attachment.read': { who: ['therapist', 'client'], hidesExistence: true },
  // The brief is built from the notes; its score and goal sections follow their own parts.
  'brief.read': {
    who: ['therapist', 'supervisor', 'designee'],
    hidesExistence: true,
    part: 'notes',
  },
  'caseload.read': { who: ['therapist'] },
  // The ending summary (issue 11): the therapist drafts, edits and shares it from the ending on;
  // the client reads only what was shared (the use-case answers 404 before). Unlike other reads
  // the therapist's is phase-limited: before the ending there is nothing to summarise.
  'ending-summary.read': {
    who: ['therapist', 'client'],
    hidesExistence: true,
    phases: { therapist: FROM_ENDING },
  },
  'ending-summary.update': { who: ['therapist'], hidesExistence: true, phases: FROM_ENDING },
  'ending-summary.share': { who: ['therapist'], hidesExistence: true, phases: FROM_ENDING },
  // Measurement (issue 4): stateless scoring, any signed-in clinician.
  'instrument.score': { who: ['therapist', 'supervisor'] },
  // A client submits their own; a therapist enters a paper form on the client's behalf.
  // A client answers questionnaires during care, not after it has ended. The therapist may still
  // enter a paper form after closure: the final session's form is often keyed in afterwards, and
  // its `completedAt` places it in the course (refusing it would lose the ending measure).
  'response.create': {
    who: ['therapist', 'client'],
    hidesExistence: true,
    phases: { client: OPEN },
  },
  'score.list': { who: ['therapist', 'supervisor'], hidesExistence: true, part: 'scores' },
  'outcome.read': { who: ['therapist', 'supervisor'], hidesExistence: true, part: 'scores' },
  // A designee covering the therapist sees the episode's alerts (APA 3.12), and reads and answers
  // its messages (the message actions below name 'designee' too; issue 10, cover while away).
  'alert.list': { who: ['therapist', 'designee'], hidesExistence: true },
  // Any phase: a raised alert must always be answerable (CLINICAL.md §4).
  'alert.acknowledge': { who: ['therapist'], hidesExistence: true },
  'alert.caseload': { who: ['therapist'] },
  // Sharing progress with the client in plain words (issue 4).
  'progress.share': { who: ['therapist'], hidesExistence: true },
  'progress.unshare': { who: ['therapist'], hidesExistence: true },
  // Whether it is shared, since when, and what sharing would show (issue 9, item 6).
  'progress.sharing.read': { who: ['therapist'], hidesExistence: true },
  // Measurement plans and the client's questionnaire tasks (issue 4).
  'measurement-plan.read': { who: ['therapist'], hidesExistence: true },
  'measurement-plan.update': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'measure-task.create': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'measure-task.send': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'measure-task.read': { who: ['therapist'], hidesExistence: true },
  'measure-task.list': { who: ['client'], hidesExistence: true },
  'measure-task.save': { who: ['client'], hidesExistence: true },
  'measure-task.submit': { who: ['client'], hidesExistence: true },
  // Goals, treatment plan and reflection (issue 4).
  'goal.list': { who: ['therapist', 'client', 'supervisor'], hidesExistence: true, part: 'goals' },
  // The plan is fixed once the episode closes; its end-of-therapy reflection is not.
  'goal.create': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'goal.update': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'goal.review': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'goal.review.list': { who: ['therapist'], hidesExistence: true },
  'goal.rate': { who: ['client'], hidesExistence: true, phases: OPEN },
  'plan.share': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'plan.read': { who: ['client'] },
  'plan.acknowledge': { who: ['client'] },
  'discussion-item.create': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'discussion-item.resolve': { who: ['therapist'], hidesExistence: true },
  'reflection.create': { who: ['therapist'], hidesExistence: true },
  // The readiness review (issue 11): both parties read it in any phase; each gives their own
  // view while the episode is open. The continuity kit is the client's, kept after the ending.
  'readiness.read': { who: ['therapist', 'client'], hidesExistence: true },
  'readiness.view.give': { who: ['therapist', 'client'], hidesExistence: true, phases: OPEN },
  'continuity-kit.read': { who: ['client'] },
  'portal.update': { who: ['client'] },
  // Who accessed the record (HIPAA 164.528): the client, their therapist and the practice's
  // administrator (who sees who and when, never the record). The kernel scopes the client.
  'access-report.read': { who: ['client'] },
  // The record travels with the client (issue 12). Its therapist exports the episodes they treat
  // (FHIR R4); a client downloads their own (HIPAA 164.524, right of access). Not an administrator:
  // an export is the clinical record itself, which an admin never reads without break-glass;
  // not a supervisor: supervision consent shares parts of episodes for review, not a copy.
  'client.fhir.export': { who: ['therapist'], hidesExistence: true },
  'portal.fhir.export': { who: ['client'] },
  // The client's own copy of their record (issue 12; HIPAA 164.524): downloaded only by the
  // client, once clientCopyReleased (record-copy/rule.ts) allows it; its therapist reviews a copy
  // and releases or refuses a request when the practice asks for review first.
  'record-copy.state.read': { who: ['client'] },
  'record-copy.pdf': {
    who: ['client'],
    refusal: 'A copy of a record is downloaded by the client it belongs to, in the portal.',
  },
  'record-copy.review': { who: ['therapist'], hidesExistence: true },
  'record-request.create': { who: ['client'] },
  'record-request.list': { who: ['therapist'] },
  'record-request.release': { who: ['therapist'], hidesExistence: true },
  'record-request.refuse': { who: ['therapist'], hidesExistence: true },
  // Importing a relationship bundle into one's own caseload: the therapist, as for moving in by
  // CSV and adding a client by hand. Not an administrator (the bundle is the clinical record,
  // which an admin never reads), not a supervisor (supervision reviews episodes, owns none).
  'client.fhir.import': { who: ['therapist'], refusal: IMPORT_IS_THE_THERAPISTS },
  'client.access-report.read': { who: ['therapist', 'practice_admin'], hidesExistence: true },
  // Personal API tokens are for the practice's staff (scripts, integrations): a client's portal
  // has no use for one, and a long-lived bearer credential is one more thing to lose (issue 10).
  'token.list': { who: STAFF, refusal: TOKENS_ARE_FOR_STAFF },
  'token.create': { who: STAFF, needsVerifiedSession: true, refusal: TOKENS_ARE_FOR_STAFF },
  'token.revoke': { who: STAFF, hidesExistence: true },
  // Consent (issue 10): the practice's documents, the client's signatures. Documents hold no
  // client data; only an administrator publishes a version.
  'consent.document.list': { who: ['practice_admin', 'therapist', 'supervisor'] },
  'consent.document.publish': { who: ['practice_admin'] },
  'consent.portal.list': { who: ['client'] },
  'consent.sign': { who: ['client'] },
  'consent.withdraw': { who: ['client'], hidesExistence: true },
  'consent.client.list': { who: ['therapist'], hidesExistence: true },
  // Supervision (issue 10): assignments are the administrator's; what a supervisor reads is the
  // episode actions above that name 'supervisor', each limited to the consent's parts. Writes
  // name no supervisor: refused.
  'supervision.assignment.list': { who: ['practice_admin'] },
  'supervision.assign': { who: ['practice_admin'] },
  'supervision.unassign': { who: ['practice_admin'], hidesExistence: true },
  'supervision.episode.list': { who: ['supervisor'] },
  // Cover while away (APA 3.12, 10.09): the therapist names a designee for their episodes.
  'cover.list': { who: ['therapist'] },
  'cover.create': { who: ['therapist'] },
  'cover.cancel': { who: ['therapist'], hidesExistence: true },
  'portal.cover.read': { who: ['client'] },
  // The boundary and ethics log (APA 3.05, ACA A.5–A.6): the therapist's, in every phase (it
  // records post-ending contact too); a supervisor reads it only when the consent shares it.
  'boundary-log.list': {
    who: ['therapist', 'supervisor'],
    hidesExistence: true,
    part: 'boundary-log',
  },
  'boundary-log.create': { who: ['therapist'], hidesExistence: true },
  // The contact agreement and secure messages (issue 10). The therapist proposes the agreement
  // (their proposal is their acceptance); the client accepts it. A designee covering reads and
  // answers messages for the therapist, never agrees on their behalf. Messages are sent only within an
  // accepted agreement (decided in the use-case) and not in a closed episode; reading the
  // conversation and marking it read stay open in every phase.
  'contact-agreement.read': { who: ['therapist', 'client'], hidesExistence: true },
  'contact-agreement.propose': { who: ['therapist'], hidesExistence: true, phases: OPEN },
  'contact-agreement.accept': { who: ['therapist', 'client'], hidesExistence: true, phases: OPEN },
  'contact-defaults.read': { who: ['therapist'] },
  'message.list': { who: ['therapist', 'client', 'designee'], hidesExistence: true },
  'message.send': { who: ['therapist', 'client', 'designee'], hidesExistence: true, phases: OPEN },
  'message.mark-read': { who: ['therapist', 'client', 'designee'], hidesExistence: true },
  // A file for a message (the encrypted attachment store): uploaded under the same rules as a
  // message, read by the two parties once it is sent (or by its uploader before).
  'message.attach': { who: ['therapist', 'client'], hidesExistence: true, phases: OPEN },
  'message.attachment.read': { who: ['therapist', 'client', 'designee'], hidesExistence: true },
  // The ending plan agreed by both (issue 11; APA 10.10 (c), ETHICS.md): either party proposes
  // (their proposal is their acceptance) and accepts; a covering designee or a supervisor never
  // agrees on anyone's behalf. Not in a closed episode. The episode moves to `ending` only when
  // both accepted the same version (the rule is the ending plan's, run on every move to ending).
  'ending-plan.read': { who: ['therapist', 'client'], hidesExistence: true },
  'ending-plan.propose': { who: ['therapist', 'client'], hidesExistence: true, phases: OPEN },
  'ending-plan.accept': { who: ['therapist', 'client'], hidesExistence: true, phases: OPEN },
  // Crisis resources are shown to clients; an administrator verifies them for the locale.
  'crisis-resources.read': { who: 'signed-in' },
  'crisis-resources.update': { who: ['practice_admin'] },
  // The risk-language phrase lists: staff read what the screen looks for (it is transparent);
  // an administrator changes the practice's lists, each save a new version.
  'risk-phrases.read': { who: STAFF },
  'risk-phrases.update': { who: ['practice_admin'] },
  // Check-ins after the ending and the aftercare queue (issue 11). Both parties read an
  // episode's check-ins; only the client answers them, and only while the episode is in
  // aftercare (saving a draft likewise); the client may withdraw their check-in consent at any time, in any phase. The
  // queue and the booster session are the therapist's; a booster is booked in aftercare only.
  'check-in.list': { who: ['therapist', 'client'], hidesExistence: true },
  'check-in.portal.list': { who: ['client'] },
  'check-in.answer': { who: ['client'], hidesExistence: true, phases: ['aftercare'] },
  // The client's unsent answers (the form's autosave), under the same rule as answering.
  'check-in.save': { who: ['client'], hidesExistence: true, phases: ['aftercare'] },
  'check-in.withdraw': { who: ['client'], hidesExistence: true },
  'aftercare.list': { who: ['therapist'] },
  'aftercare.handle': { who: ['therapist'], hidesExistence: true },
  'booster.offer': { who: ['therapist'], hidesExistence: true, phases: ['aftercare'] },
  'user.list': { who: ['practice_admin'] },
  'user.create': { who: ['practice_admin'] },
  'user.deactivate': { who: ['practice_admin'] },
  'user.reactivate': { who: ['practice_admin'] },
  'practice.read': { who: ['practice_admin'] },
  'practice.update': { who: ['practice_admin'] },
  // Which instruments the practice uses and its PCL-5 reliable-change value (issue 7, 19 and 21):
  // clinicians read them to plan and score; only an administrator changes them.
  'measure-settings.read': { who: ['therapist', 'supervisor', 'practice_admin'] },
  'measure-settings.update': { who: ['practice_admin'] },
  // A practice's own instruments (issue 12). Which questionnaires the practice uses — and under
  // which licence — is the administrator's decision, like switching shipped ones on or off
  // (measure-settings.update): only an administrator previews, imports or retires one. Clinicians
  // read them to plan and score, as they read the measure settings. No client data is involved.
  'practice-instrument.list': { who: STAFF },
  'practice-instrument.read': { who: STAFF },
  'practice-instrument.preview': { who: ['practice_admin'] },
  'practice-instrument.import': { who: ['practice_admin'] },
  'practice-instrument.retire': { who: ['practice_admin'] },
  'outbox.read': { who: ['practice_admin'] },
  'audit.verify': { who: ['practice_admin'] },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

/** The episode part `action` reads, when it names one (for a supervisor's consent). */
export function partOf(action: Action): SupervisionPart | undefined {
  const rule: Rule = POLICY[action];
  return rule.part;
}

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(POLICY, value);
}

function stageError(stage: AuthStage): AppError {
  if (stage === 'complete') {
    // Only the ceremony's own steps exclude a complete sign-in (e.g. a second verify).
    return new AppError('FORBIDDEN', 'You have already finished signing in.');
  }
  return stage === 'two-factor'
    ? new AppError('TWO_FACTOR_REQUIRED', 'Enter the code from your authenticator app first.')
    : new AppError(
        'TWO_FACTOR_ENROLMENT_REQUIRED',
        'Set up two-factor authentication before continuing: clinicians and administrators must use it.',
      );
}

/**
 * The phases in which `action` may be performed on an episode by someone in `relation` to it;
 * undefined when every phase is allowed. Without a relation: the limit for anyone it limits.
 */
export function phasesOf(action: Action, relation?: Relation): readonly Phase[] | undefined {
  const rule: Rule = POLICY[action];
  const phases = rule.phases;
  if (phases === undefined || isPhaseList(phases)) return phases;
  if (relation) return phases[relation];
  return Object.values(phases)[0];
}

function isPhaseList(phases: NonNullable<Rule['phases']>): phases is readonly Phase[] {
  return Array.isArray(phases);
}

/**
 * Whether someone holding `role` may attempt `action` at all (before sign-in stages and records):
 * for a credential that stands for its owner, such as a calendar feed's address.
 */
export function roleMay(role: Role, action: Action): boolean {
  const rule: Rule = POLICY[action];
  return rule.who === 'anyone' || rule.who === 'signed-in' || rule.who.includes(role);
}

/**
 * Whether POLICY admits someone in `relation` to an episode to `action` — for a read model that
 * shows a designee or a supervisor only what they may open (the caseload's attention items).
 */
export function relationMay(relation: Relation, action: Action): boolean {
  const rule: Rule = POLICY[action];
  return rule.who === 'anyone' || rule.who === 'signed-in' || rule.who.includes(relation);
}

/** Throws unless `actor` may attempt `action`. Default deny. */
export function authorize(actor: Actor, action: Action): void {
  const rule: Rule = POLICY[action];
  if (rule.who === 'anyone') return;
  if (actor.kind !== 'user') {
    throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  }
  const stages = rule.stages ?? ['complete'];
  if (!stages.includes(actor.stage)) throw stageError(actor.stage);
  if (rule.who !== 'signed-in' && !rule.who.includes(actor.role)) {
    throw rule.hidesExistence
      ? new AppError('NOT_FOUND', 'No record with that id was found.')
      : new AppError('FORBIDDEN', rule.refusal ?? 'Your role does not allow this.');
  }
  if (rule.needsVerifiedSession && !(actor.via !== 'token' && actor.twoFactorVerified)) {
    throw new AppError(
      'FORBIDDEN',
      'Only a signed-in user who has passed two-factor authentication can do this. Enable two-factor in your security settings, then sign in again.',
    );
  }
}

/** The signed-in caller of a use-case that has already been authorized. */
export function signedIn(ctx: AccessContext): SignedIn {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return ctx.actor;
}
