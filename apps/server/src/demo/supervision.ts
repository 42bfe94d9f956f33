import { CONSENT_KINDS, DEFAULT_CONSENT_TEXTS } from '@throughline/contracts';
import {
  addBoundaryEntry,
  arrangeCover,
  assignSupervisor,
  publishConsentDocument,
  type Services,
  signConsent,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { actingAs } from '../operator';
import type { DemoSeed } from './seed';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Consent and supervision for the demo (issue 10): the practice's default consent documents,
 * Ruth assigned to supervise Maya, Sam's signed treatment and supervision consents (so Ruth sees
 * Sam's episode), and one entry in the boundary log of Sam's episode: a handmade card, discussed
 * and accepted as a boundary crossing. Daniel covers Jordan for Maya this week, from yesterday
 * until Friday at 17:00 London time (a week from today when today is a Friday), so the cover is in
 * effect when the demo has just been seeded: Maya's brief and caseload name Daniel, Daniel's brief names Maya.
 */
export async function seedDemoSupervision(services: Services, seed: DemoSeed): Promise<void> {
  const admin = seed.staff.get('admin@demo.throughline.test');
  const maya = seed.staff.get('maya@demo.throughline.test');
  const ruth = seed.staff.get('ruth@demo.throughline.test');
  const daniel = seed.staff.get('daniel@demo.throughline.test');
  const jordan = seed.clients.get('jordan@demo.throughline.test');
  const sam = seed.clients.get('sam@demo.throughline.test');
  const episodeId = sam?.episodeIds.at(-1);
  const jordanEpisodeId = jordan?.episodeIds.at(-1);
  if (!admin || !maya || !ruth || !daniel || !sam || !episodeId || !jordanEpisodeId)
    throw new Error('demo cast missing');
  const samUser = await services.db.execute<{ user_id: string }>(
    sql`SELECT user_id FROM clients WHERE practice_id = ${seed.practiceId} AND id = ${sam.clientId}`,
  );
  const samUserId = samUser.rows[0]?.user_id;
  if (!samUserId) throw new Error('demo client Sam has no account');
  const at = (
    daysAgo: number,
    who: {
      id: string;
      practiceId: string;
      role: 'practice_admin' | 'therapist' | 'supervisor' | 'client';
    },
  ) =>
    actingAs(
      { ...services, now: () => new Date(services.now().getTime() - daysAgo * DAY_MS) },
      who,
    );

  // The check-in consent was published before Jo's first ending (first-course.ts).
  for (const kind of CONSENT_KINDS.filter((k) => k !== 'check-ins')) {
    await publishConsentDocument(at(90, admin), { kind, ...DEFAULT_CONSENT_TEXTS[kind] });
  }
  await assignSupervisor(at(90, admin), { supervisorId: ruth.id, therapistId: maya.id });
  const asSam = { id: samUserId, practiceId: seed.practiceId, role: 'client' as const };
  for (const kind of ['treatment', 'recording', 'supervision'] as const) {
    await signConsent(at(80, asSam), { kind, version: 1, signedName: 'Sam Rivera' });
  }
  await addBoundaryEntry(at(14, maya), episodeId, {
    kind: 'gift',
    assessment: 'crossing',
    occurredOn: new Date(services.now().getTime() - 14 * DAY_MS).toISOString().slice(0, 10),
    description:
      'Sam brought a handmade card with the lyrics of the song we finished together, at the end of the session.',
    reflection:
      'A small, personal gift that marks the work; refusing it would have hurt. I thanked Sam and said I would keep it with their file. No pattern of gifts so far.',
    consultation: 'Talked it over with Ruth in supervision the same week; she agreed.',
    codeClause: 'APA 3.05; AMTA Code of Ethics, gifts',
    followUp: 'Note any further gifts; talk about what the song means to Sam before the ending.',
  });
  const today = DateTime.fromJSDate(services.now(), { zone: 'Europe/London' });
  const friday = today.plus({ days: (5 - today.weekday + 7) % 7 || 7 }).set({
    hour: 17,
    minute: 0,
    second: 0,
    millisecond: 0,
  });
  await arrangeCover(at(1, maya), {
    designeeId: daniel.id,
    startsAt: new Date(services.now().getTime() - DAY_MS),
    endsAt: friday.toJSDate(),
    episodeIds: [jordanEpisodeId],
  });
}
