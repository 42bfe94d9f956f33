import {
  type EndingPlan,
  type EndingPlanTerms,
  type EndingPlanVersion,
  proposeEndingPlanRequest,
} from '@throughline/contracts';
import type { AgreementVersionView, AgreementView } from '../agreements';
import { AppError, type FieldIssue } from '../shared/errors';

/** Version of the stored content of an `ending-plan` agreement version. */
export const ENDING_PLAN_CONTENT_VERSION = 1;

/**
 * The dates of a proposal against today (the practice's calendar day): the last session is not
 * in the past; each taper step is not in the past, comes after the one before, and is not after
 * the last session (a taper never books into the past nor beyond the ending). 400 naming the field.
 */
export function assertPlanDates(terms: EndingPlanTerms, today: string): void {
  const issues: FieldIssue[] = [];
  if (terms.lastSessionOn < today)
    issues.push({
      path: 'lastSessionOn',
      message: `The last session cannot be in the past; choose ${today} or later.`,
    });
  terms.taper.forEach((step, i) => {
    const path = `taper.${i}.from`;
    const before = terms.taper[i - 1]?.from;
    if (step.from < today)
      issues.push({ path, message: `A taper step cannot start in the past (before ${today}).` });
    else if (step.from > terms.lastSessionOn)
      issues.push({
        path,
        message: `A taper step cannot start after the last session (${terms.lastSessionOn}).`,
      });
    else if (before !== undefined && step.from <= before)
      issues.push({ path, message: 'Taper steps are in date order, each on its own day.' });
  });
  const [first] = issues;
  if (first) throw new AppError('VALIDATION_FAILED', `${first.path}: ${first.message}`, issues);
}

/** The request's terms (defaults filled in); a bad shape from a caller inside the server: 400. */
export function parseTerms(input: unknown): EndingPlanTerms {
  const parsed = proposeEndingPlanRequest.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new AppError(
    'VALIDATION_FAILED',
    `The ending plan is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    issues,
  );
}

export function readTerms(version: AgreementVersionView): EndingPlanTerms {
  const { v: _v, ...terms } = version.content;
  return proposeEndingPlanRequest.parse(terms);
}

/** Every required party accepted this version (superseded or not). */
export function bothAccepted(version: AgreementVersionView): boolean {
  return version.parties.every((p) => p.response === 'accepted');
}

/** When the second party accepted; null until both have. */
export function acceptedAt(version: AgreementVersionView): Date | null {
  if (!bothAccepted(version)) return null;
  return new Date(Math.max(...version.parties.map((p) => p.respondedAt?.getTime() ?? 0)));
}

/** The newest version both parties accepted: the plan that is agreed. */
export function agreedVersion(view: AgreementView): AgreementVersionView | null {
  return view.versions.find(bothAccepted) ?? null;
}

function summary(version: AgreementVersionView): EndingPlanVersion {
  // The proposal is the proposer's acceptance, written with the proposal's own time.
  const proposer = version.parties.find(
    (p) =>
      p.respondedBy === version.proposedBy &&
      p.respondedAt?.getTime() === version.proposedAt.getTime(),
  );
  return {
    version: version.version,
    state: version.state,
    proposedBy: proposer?.party ?? 'therapist',
    proposedAt: version.proposedAt,
    parties: version.parties.map((p) => ({
      party: p.party,
      response: p.response,
      respondedAt: p.respondedAt,
    })),
    acceptedAt: acceptedAt(version),
  };
}

export function toEndingPlan(view: AgreementView, current: AgreementVersionView): EndingPlan {
  return {
    ...summary(current),
    episodeId: view.episodeId,
    terms: readTerms(current),
    agreedVersion: agreedVersion(view)?.version ?? null,
    history: view.versions.map(summary),
  };
}
