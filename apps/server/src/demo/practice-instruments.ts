import { importInstrument, type Services } from '@throughline/domain';
import { actingAs } from '../operator';
import { MUSIC_IN_DAILY_LIFE_IMPORT } from './music-questionnaire';
import type { DemoSeed } from './seed';

/**
 * The demo practice's own questionnaire (issue 12, custom instruments): a short music-therapy
 * check written for the demo, imported by the practice administrator from its FHIR Questionnaire
 * the way any practice would, so therapists can add it to a measurement plan.
 */
export async function seedDemoPracticeInstruments(
  services: Services,
  seed: DemoSeed,
): Promise<void> {
  const admin = [...seed.staff.values()].find((s) => s.role === 'practice_admin');
  if (!admin) throw new Error('demo administrator missing');
  await importInstrument(actingAs(services, admin), MUSIC_IN_DAILY_LIFE_IMPORT);
}
