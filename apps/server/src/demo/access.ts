import {
  getClient,
  getNote,
  listNotes,
  readBrief,
  readClientAccessReport,
  type Services,
} from '@throughline/domain';
import { actingAs } from '../operator';
import type { DemoSeed } from './seed';

/**
 * Reads that make Sam's access report real (HIPAA 164.528): Maya opens Sam's details, the
 * latest session note and the pre-session brief, as she would before a session; the practice
 * administrator then looks at who has seen Sam's record — which is listed too.
 */
export async function seedDemoAccess(services: Services, seed: DemoSeed): Promise<void> {
  const maya = seed.staff.get('maya@demo.throughline.test');
  const admin = seed.staff.get('admin@demo.throughline.test');
  const sam = seed.clients.get('sam@demo.throughline.test');
  const episodeId = sam?.episodeIds[0];
  if (!maya || !admin || !sam || !episodeId) throw new Error('demo cast incomplete');
  const asMaya = actingAs(services, maya);
  await getClient(asMaya, sam.clientId);
  const [latest] = await listNotes(asMaya, episodeId);
  if (latest) await getNote(asMaya, latest.id);
  await readBrief(asMaya, { episodeId });
  await readClientAccessReport(actingAs(services, admin), sam.clientId, { limit: 1 });
}
