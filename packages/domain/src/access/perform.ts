import type { Phase } from '@throughline/contracts';
import { type AuditEntry, recordAudit } from '../audit';
import { AppError, notFound } from '../shared/errors';
import { type Executor, inTransaction } from '../shared/transaction';
import type { AccessContext, SignedIn } from './actor';
import {
  clientOfEpisode,
  type EpisodeAccess,
  findVisibleEpisode,
  relationOf,
} from './episode-scope';
import { phaseAllows, phaseRefusal } from './phase-rule';
import { type Action, POLICY, partOf, signedIn } from './policy';
import { readsPart } from './predicates';

type Detail = AuditEntry['detail'];

/** What the success event names, when it is not the target itself (a created note, a count). */
export type AuditNote = { resourceType?: string; resourceId?: string | null; detail?: Detail };

/** A refusal decided inside the transaction that keeps its writes (a risk alert raised first). */
export class Refusal {
  constructor(
    readonly error: AppError,
    readonly detail?: Detail,
  ) {}
}

/** Returned by work that finds nothing the caller may see: audited as denied, answered 404. */
export const HIDDEN: unique symbol = Symbol('hidden');
export type Hidden = typeof HIDDEN;

/** Whose record an action is about: the client, or an episode (the kernel finds its client). */
export type Subject = { clientId: string } | { episodeId: string };

export type Step = {
  actor: SignedIn;
  /** Names the success event's resource and detail (default: the target, no detail). */
  audit: (note: AuditNote) => void;
  /**
   * Names the client whose record this is, so the event appears in their access report
   * (HIPAA 164.528). Actions on an episode or its records are named by the kernel itself.
   */
  about: (subject: Subject) => void;
};

export type EpisodeStep = Step & EpisodeAccess;

export type Target = {
  resourceType: string;
  resourceId?: string | null;
  /** Used in the 404 message: "No <what> with that id was found." */
  what: string;
};

/**
 * The one way a use-case performs an action: one transaction, one audit event, one rule for it.
 *
 * - `work` returns a value → its writes commit with a `success` event (named by `step.audit`).
 * - `work` returns `HIDDEN` (nothing the caller may see) → a `denied` event commits, then 404,
 *   exactly as for a record that does not exist.
 * - `work` returns a `Refusal` → its writes and a `failure` event commit, then the error is thrown.
 * - `work` throws an `AppError` (a conflict, a bad state) → its writes roll back and a `failure`
 *   event naming the error's code is written on its own, then the error is thrown.
 *
 * A caller whose role the policy does not admit never reaches `work` (denied, 404).
 */
export async function perform<T>(
  ctx: AccessContext,
  action: Action,
  target: Target,
  work: (tx: Executor, step: Step) => Promise<T | Hidden | Refusal>,
): Promise<T> {
  const actor = signedIn(ctx);
  const base = {
    action,
    resourceType: target.resourceType,
    resourceId: target.resourceId ?? null,
  };
  let note: AuditNote = {};
  let subject: Subject | undefined;
  const step: Step = {
    actor,
    audit: (n) => {
      note = n;
    },
    about: (s) => {
      subject = s;
    },
  };
  let outcome: T | Hidden | Refusal;
  try {
    outcome = await inTransaction(ctx.services.db, async (tx) => {
      const result = admits(actor, action) ? await work(tx, step) : HIDDEN;
      if (result === HIDDEN) {
        await recordAudit(tx, ctx, { ...base, outcome: 'denied', detail: { reason: 'NOT_FOUND' } });
      } else if (result instanceof Refusal) {
        const detail = { reason: result.error.code, ...result.detail };
        const subjectClientId = await subjectOf(tx, actor, subject);
        await recordAudit(tx, ctx, { ...base, outcome: 'failure', detail, subjectClientId });
      } else {
        const subjectClientId = await subjectOf(tx, actor, subject);
        await recordAudit(tx, ctx, { ...base, ...note, outcome: 'success', subjectClientId });
      }
      return result;
    });
  } catch (error) {
    if (error instanceof AppError) {
      const detail = { reason: error.code };
      await recordAudit(ctx.services.db, ctx, { ...base, outcome: 'failure', detail });
    }
    throw error;
  }
  if (outcome === HIDDEN) throw notFound(target.what);
  if (outcome instanceof Refusal) throw outcome.error;
  return outcome;
}

/**
 * `perform` on an episode: it is visible when the caller stands to it in a relation the action's
 * policy names (its therapist, the client it is about), and the action must be allowed in the
 * episode's phase (else 409 `EPISODE_PHASE_FORBIDS`, audited as failure).
 */
export function performOnEpisode<T>(
  ctx: AccessContext,
  action: Action,
  episodeId: string,
  work: (tx: Executor, step: EpisodeStep) => Promise<T | Hidden | Refusal>,
): Promise<T> {
  const target = { resourceType: 'episode', resourceId: episodeId, what: 'episode' };
  return perform(ctx, action, target, async (tx, step) => {
    const access = await findVisibleEpisode(tx, step.actor, episodeId, ctx.services.now());
    return enter(action, access, step, (s) => work(tx, s));
  });
}

/**
 * `perform` on a record of an episode (a goal, a note, an appointment): `find` loads it (in the
 * caller's practice, through the record's own predicate where it has one), and it is visible only
 * when its episode is, as for `performOnEpisode`.
 */
export function performOnRecord<Row extends { episodeId: string }, T>(
  ctx: AccessContext,
  action: Action,
  target: Target & {
    resourceId: string;
    find: (tx: Executor, actor: SignedIn) => Promise<Row | undefined>;
  },
  work: (tx: Executor, row: Row, step: EpisodeStep) => Promise<T | Hidden | Refusal>,
): Promise<T> {
  return perform(ctx, action, target, async (tx, step) => {
    const row = await target.find(tx, step.actor);
    const access = row
      ? await findVisibleEpisode(tx, step.actor, row.episodeId, ctx.services.now())
      : undefined;
    return row ? enter(action, access, step, (s) => work(tx, row, s)) : HIDDEN;
  });
}

/**
 * The episode's gate: a relation the policy names and, for a supervisor, a part the consent
 * shares (else hidden, as if the episode did not exist), then a phase it allows.
 */
async function enter<T>(
  action: Action,
  access: EpisodeAccess | undefined,
  step: Step,
  work: (step: EpisodeStep) => Promise<T | Hidden | Refusal>,
): Promise<T | Hidden | Refusal> {
  if (!access || !allows(action, access.as)) return HIDDEN;
  step.about({ clientId: access.episode.clientId });
  const part = partOf(action);
  if (part && !readsPart(access, part)) return HIDDEN;
  const phase: Phase = access.episode.phase;
  if (!phaseAllows(action, phase, access.as))
    return new Refusal(phaseRefusal(action, phase), { phase });
  // A read through a grant is audited as such: "as cover" or "as supervision" (issue 10).
  const via = grantDetail(access);
  const audit = (n: AuditNote): void =>
    step.audit(via ? { ...n, detail: { ...n.detail, ...via } } : n);
  audit({});
  return work({ ...step, ...access, audit });
}

function grantDetail(access: EpisodeAccess): Detail | undefined {
  const grant = access.grant;
  if (!grant) return undefined;
  switch (grant.kind) {
    case 'cover':
      return { via: 'cover', coverId: grant.coverId };
    case 'successor':
      return { via: 'successor', endingId: grant.endingId };
    default:
      return { via: 'supervision', consentId: grant.signatureId };
  }
}

/** The client an event is about: named, or the client of the named episode (one lookup). */
async function subjectOf(
  tx: Executor,
  actor: SignedIn,
  subject: Subject | undefined,
): Promise<string | null> {
  if (!subject) return null;
  if ('clientId' in subject) return subject.clientId;
  return (await clientOfEpisode(tx, actor.practiceId, subject.episodeId)) ?? null;
}

/** The policy's `who` for `action` admits this relation (or role). Default deny. */
function allows(action: Action, who: string): boolean {
  const rule: { who: 'anyone' | 'signed-in' | readonly string[] } = POLICY[action];
  return rule.who === 'anyone' || rule.who === 'signed-in' || rule.who.includes(who);
}

/** The caller's role is one the action's policy names (the route checked it; so does the kernel). */
function admits(actor: SignedIn, action: Action): boolean {
  return allows(action, relationOf(actor) ?? actor.role);
}
