import type { Coding, Extension, Goal } from '@medplum/fhirtypes';
import { concept, EXTENSIONS, identifierSystem, instant, SYSTEMS } from './codes';
import type { GoalFacts } from './types';

const LIFECYCLE: Record<GoalFacts['status'], Goal['lifecycleStatus']> = {
  active: 'active',
  achieved: 'completed',
  discontinued: 'cancelled',
};

const ACHIEVEMENT = 'http://terminology.hl7.org/CodeSystem/goal-achievement';

/**
 * A GAS level read as FHIR's goal achievement: 0 is the expected outcome (Kiresuk & Sherman), so
 * 0 and above are `achieved`; −1 is `in-progress` (less than expected), −2 `no-progress` (the
 * worst expected outcome).
 */
function achievement(level: number): Coding {
  if (level >= 0) return { system: ACHIEVEMENT, code: 'achieved', display: 'Achieved' };
  if (level === -1) return { system: ACHIEVEMENT, code: 'in-progress', display: 'In Progress' };
  return { system: ACHIEVEMENT, code: 'no-progress', display: 'No Progress' };
}

export const GAS_LEVELS = ['-2', '-1', '0', '+1', '+2'] as const;

/**
 * A goal of the plan in the client's own words (`description`). Its Goal Attainment Scale travels
 * as the target (the expected level, 0, with its description) plus one `gas-level` extension per
 * level; the newest review's rating is the achievement and the `outcomeCode`. The therapist-only
 * parts (their words, the scale, the weight) are left out when `goal` does not carry them.
 */
export function toGoal(goal: GoalFacts, refs: { patient: string; practitioner: string }): Goal {
  const extension: Extension[] = [
    ...(goal.therapistWords !== undefined
      ? [{ url: EXTENSIONS.therapistWords, valueString: goal.therapistWords }]
      : []),
    ...(goal.weight !== undefined
      ? [{ url: EXTENSIONS.gasWeight, valueDecimal: goal.weight }]
      : []),
    ...(goal.gasLevels
      ? GAS_LEVELS.filter((l) => goal.gasLevels![l] !== '').map(
          (l): Extension => ({
            url: EXTENSIONS.gasLevel,
            extension: [
              { url: 'level', valueInteger: Number(l) },
              { url: 'description', valueString: goal.gasLevels![l] },
            ],
          }),
        )
      : []),
  ];
  const latest = goal.latestLevel;
  return {
    resourceType: 'Goal',
    id: goal.id,
    ...(extension.length > 0 ? { extension } : {}),
    identifier: [{ system: identifierSystem('goal'), value: goal.id }],
    lifecycleStatus: LIFECYCLE[goal.status],
    ...(latest ? { achievementStatus: { coding: [achievement(latest.level)] } } : {}),
    description: { text: goal.clientWords },
    subject: { reference: refs.patient },
    startDate: instant(goal.createdAt).slice(0, 10),
    ...(goal.gasLevels?.['0']
      ? {
          target: [
            {
              measure: concept(SYSTEMS.gasLevel, 'level', 'Goal Attainment Scale level'),
              detailCodeableConcept: {
                coding: [{ system: SYSTEMS.gasLevel, code: '0' }],
                text: goal.gasLevels['0'],
              },
            },
          ],
        }
      : {}),
    ...(latest ? { statusDate: instant(latest.reviewedAt).slice(0, 10) } : {}),
    expressedBy: { reference: refs.practitioner },
    ...(goal.objectives.length > 0
      ? { note: goal.objectives.map((text) => ({ text: `Objective: ${text}` })) }
      : {}),
    ...(latest
      ? {
          outcomeCode: [
            {
              coding: [{ system: SYSTEMS.gasLevel, code: String(latest.level) }],
              text: `GAS level ${latest.level > 0 ? '+' : ''}${latest.level}`,
            },
          ],
        }
      : {}),
  };
}
