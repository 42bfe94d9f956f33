import type { CarePlan } from '@medplum/fhirtypes';
import { concept, EXTENSIONS, identifierSystem, instant, SYSTEMS } from './codes';
import type { RelapsePreventionFacts, SharedPlanFacts } from './types';

type PlanRefs = { patient: string; episode: string; practitioner: string };

/**
 * One shared version of the treatment plan (the goals as shown to the client). A newer version
 * `replaces` it; the client's acknowledgement is a note. CarePlan has no link to an
 * EpisodeOfCare, so the episode is named in `supportingInfo`.
 */
export function toSharedPlan(
  plan: SharedPlanFacts,
  refs: PlanRefs & { replaces?: string },
): CarePlan {
  return {
    resourceType: 'CarePlan',
    id: plan.id,
    extension: [{ url: EXTENSIONS.planVersion, valueInteger: plan.version }],
    identifier: [{ system: identifierSystem('treatment-plan'), value: plan.id }],
    ...(refs.replaces ? { replaces: [{ reference: refs.replaces }] } : {}),
    status: 'active',
    intent: 'plan',
    category: [concept(SYSTEMS.planKind, 'shared-plan', 'Shared treatment plan')],
    title: `Shared plan, version ${plan.version}`,
    subject: { reference: refs.patient },
    created: instant(plan.sharedAt),
    author: { reference: refs.practitioner },
    supportingInfo: [{ reference: refs.episode }],
    goal: plan.goalIds.map((id) => ({ reference: `Goal/${id}` })),
    ...(plan.acknowledgedAt
      ? { note: [{ time: instant(plan.acknowledgedAt), text: 'Acknowledged by the client.' }] }
      : {}),
  };
}

const LISTS = [
  ['warningSigns', 'Warning signs'],
  ['triggers', 'Triggers'],
  ['whatHelps', 'What helps'],
  ['whoToContact', 'Who to contact'],
] as const;

/**
 * The relapse-prevention plan written together in the ending plan: one activity per line, grouped
 * by what it is (warning sign, trigger, what helps, who to contact), and the crisis wording.
 */
export function toRelapsePreventionPlan(
  plan: RelapsePreventionFacts,
  refs: PlanRefs & { id: string },
): CarePlan {
  const activity = LISTS.flatMap(([key, label]) =>
    plan[key].map((text) => ({
      detail: {
        code: concept(SYSTEMS.planKind, `relapse-prevention-${key}`, label),
        status: 'not-started' as const,
        description: text,
      },
    })),
  );
  return {
    resourceType: 'CarePlan',
    id: refs.id,
    extension: [{ url: EXTENSIONS.planVersion, valueInteger: plan.planVersion }],
    status: 'active',
    intent: 'plan',
    category: [concept(SYSTEMS.planKind, 'relapse-prevention', 'Relapse-prevention plan')],
    title: 'Relapse-prevention plan',
    ...(plan.crisisPlan ? { description: plan.crisisPlan } : {}),
    subject: { reference: refs.patient },
    created: instant(plan.agreedAt),
    author: { reference: refs.practitioner },
    supportingInfo: [{ reference: refs.episode }],
    ...(activity.length > 0 ? { activity } : {}),
  };
}
