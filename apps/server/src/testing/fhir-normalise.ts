import type { Bundle, Resource } from '@medplum/fhirtypes';

/**
 * What the round trip compares (issue 12): the resource types an import restores, in an order
 * that does not depend on ids. Everything else the export writes is listed in NOT_ROUND_TRIPPED
 * (apps/server/src/routes/record-import.int.test.ts) with its reason.
 */
export const ROUND_TRIPPED = [
  'Patient',
  'EpisodeOfCare',
  'Appointment',
  'Encounter',
  'Questionnaire',
  'QuestionnaireResponse',
  'Observation',
] as const;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** A key that orders resources of one type by what they say, not by their ids. */
function contentKey(r: Resource): string {
  switch (r.resourceType) {
    case 'EpisodeOfCare':
      return r.period?.start ?? '';
    case 'Appointment':
      return `${r.start}|${r.status}`;
    case 'Encounter':
      return r.period?.start ?? '';
    case 'Questionnaire':
      return r.url ?? '';
    case 'QuestionnaireResponse':
      return `${r.authored}|${r.questionnaire}`;
    case 'Observation':
      return `${r.effectiveDateTime}|${JSON.stringify(r.code)}|${JSON.stringify(r.derivedFrom)}`;
    default:
      return '';
  }
}

/**
 * One export's clinical content, comparable with another installation's (or practice's): only
 * the round-tripped types, each type in content order, every id and reference renumbered by
 * first appearance (`id-1`, `id-2`, …; a derived id such as `<response>-score` keeps its
 * suffix), and the practice's and practitioners' identity (names, the public URL of fullUrl) and
 * the bundle's own id and time dropped. Observations are sorted after the responses they are
 * derived from, so their renumbered references still line up.
 */
export function normaliseBundle(bundle: Bundle): Resource[] {
  const all = (bundle.entry ?? []).map((e) => e.resource as Resource);
  const picked: Resource[] = [];
  for (const type of ROUND_TRIPPED) {
    const ofType = all.filter((r) => r.resourceType === type);
    // Observation content keys reference response ids: sort them after renumbering below.
    picked.push(...ofType.sort((a, b) => contentKey(a).localeCompare(contentKey(b))));
  }
  const numbers = new Map<string, string>();
  const renumber = (text: string): string =>
    text.replace(UUID, (id) => {
      let n = numbers.get(id);
      if (!n) {
        n = `id-${numbers.size + 1}`;
        numbers.set(id, n);
      }
      return n;
    });
  const renumbered = picked.map((r) => JSON.parse(renumber(JSON.stringify(r))) as Resource);
  const observations = renumbered
    .filter((r) => r.resourceType === 'Observation')
    .sort((a, b) => contentKey(a).localeCompare(contentKey(b)));
  return [...renumbered.filter((r) => r.resourceType !== 'Observation'), ...observations];
}
