import {
  acceptContactAgreement,
  markMessagesRead,
  proposeContactAgreement,
  type Services,
  sendMessage,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { actingAs } from '../operator';
import type { DemoSeed } from './seed';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Maya's hours, in the practice's zone (London): weekdays, with a late Wednesday. */
const MAYA_TERMS = {
  channels: { messages: true, email: true, phone: false },
  availability: [
    { weekday: 1, from: '09:00', to: '17:00' },
    { weekday: 2, from: '09:00', to: '17:00' },
    { weekday: 3, from: '12:00', to: '20:00' },
    { weekday: 4, from: '09:00', to: '17:00' },
    { weekday: 5, from: '09:00', to: '13:00' },
  ],
  responseTimeHours: 48,
  timeZone: 'Europe/London',
};

async function userOf(services: Services, practiceId: string, clientId: string): Promise<string> {
  const found = await services.db.execute<{ user_id: string }>(
    sql`SELECT user_id FROM clients WHERE practice_id = ${practiceId} AND id = ${clientId}`,
  );
  const id = found.rows[0]?.user_id;
  if (!id) throw new Error('demo client has no account');
  return id;
}

/**
 * The contact agreement and messages of the demo (issue 10): Sam (they/them) accepted Maya's
 * agreement at the start of their work and has a short message history, one of it after hours;
 * Jo (Jordan, she/her), back in intake, accepted it this week and wrote a message the
 * risk-language screen flagged, so Maya has an urgent alert.
 */
export async function seedDemoContact(services: Services, seed: DemoSeed): Promise<void> {
  const maya = seed.staff.get('maya@demo.throughline.test');
  const sam = seed.clients.get('sam@demo.throughline.test');
  const jordan = seed.clients.get('jordan@demo.throughline.test');
  const samEpisode = sam?.episodeIds.at(-1);
  const joEpisode = jordan?.episodeIds.at(-1);
  if (!maya || !sam || !jordan || !samEpisode || !joEpisode)
    throw new Error('demo cast for messages missing');
  const samUser = await userOf(services, seed.practiceId, sam.clientId);
  const joUser = await userOf(services, seed.practiceId, jordan.clientId);
  const now = services.now().getTime();
  const at = (msAgo: number, who: string, role: 'therapist' | 'client') =>
    actingAs(
      { ...services, now: () => new Date(now - msAgo) },
      {
        id: who,
        practiceId: seed.practiceId,
        role,
      },
    );

  await proposeContactAgreement(at(84 * DAY_MS, maya.id, 'therapist'), samEpisode, MAYA_TERMS);
  await acceptContactAgreement(at(83 * DAY_MS, samUser, 'client'), samEpisode, { version: 1 });
  await sendMessage(at(6 * DAY_MS, samUser, 'client'), samEpisode, {
    body: 'Hi Maya — I tried the wind-down playlist three nights this week. Two of them I was asleep before the fourth song!',
  });
  await markMessagesRead(at(5 * DAY_MS + 20 * HOUR_MS, maya.id, 'therapist'), samEpisode);
  await sendMessage(at(5 * DAY_MS + 19 * HOUR_MS, maya.id, 'therapist'), samEpisode, {
    body: "That's great to hear, Sam. Let's look at which songs helped most on Tuesday.",
  });
  await markMessagesRead(at(5 * DAY_MS, samUser, 'client'), samEpisode);
  await sendMessage(at(1 * DAY_MS + 10 * HOUR_MS, samUser, 'client'), samEpisode, {
    body: 'Could we start ten minutes later on Tuesday? My shift finishes at 9:45.',
  });

  await proposeContactAgreement(at(5 * DAY_MS, maya.id, 'therapist'), joEpisode, {
    ...MAYA_TERMS,
    afterEnding:
      'After our work ends, contact is for the check-ins we agree, through the portal only. We will not connect on social media.',
  });
  await acceptContactAgreement(at(4 * DAY_MS, joUser, 'client'), joEpisode, { version: 1 });
  await sendMessage(at(14 * HOUR_MS, joUser, 'client'), joEpisode, {
    body: "Work has been really hard again. Some nights I feel like I'd be better off dead. I'm still coming on Thursday.",
  });
}
