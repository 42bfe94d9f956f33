import type { RecordEnding } from '@throughline/contracts';
import {
  acceptInvitation,
  type ClientDetails,
  changeEpisodePhase,
  createEpisode,
  createPractice,
  createUserWithPassword,
  inviteClient,
  issueInvitationLink,
  type Role,
  recordEnding,
  type Services,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { actingAs, operatorContext } from '../operator';
import { seedDemoAccess } from './access';
import { seedDemoContact } from './contact';
import { seedDemoContinuity } from './continuity';
import { seedJoFirstCourse } from './first-course';
import { seedDemoGoals } from './goals';
import { seedDemoMeasureTasks } from './measure-tasks';
import { seedDemoMeasures } from './measures';
import { seedDemoPracticeInstruments } from './practice-instruments';
import { seedDemoReadiness } from './readiness';
import { seedDemoSupervision } from './supervision';

/**
 * The demo practice: a music-therapy practice with an administrator, two therapists, a supervisor
 * and three clients. Its TOTP secrets are public (they are printed), so never use it for real data.
 */
export const DEMO_PASSWORD = 'throughline-demo';
export const DEMO_PRACTICE = 'Riverside Music Therapy (demo)';

export type DemoAccount = { email: string; displayName: string; role: string; totpSecret?: string };

export const DEMO_STAFF = [
  {
    email: 'admin@demo.throughline.test',
    displayName: 'Alex Morgan',
    role: 'practice_admin',
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  },
  {
    email: 'maya@demo.throughline.test',
    displayName: 'Maya Okafor, MT-BC',
    role: 'therapist',
    totpSecret: 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA',
  },
  {
    email: 'daniel@demo.throughline.test',
    displayName: 'Daniel Reyes, LPC',
    role: 'therapist',
    totpSecret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
  },
  {
    email: 'ruth@demo.throughline.test',
    displayName: 'Dr Ruth Adler (supervisor)',
    role: 'supervisor',
    totpSecret: 'ONSWG4TFOQQGC3DMEBZWK3DSMV2HGIDB',
  },
] as const;

type DemoClient = {
  email: string;
  displayName: string;
  therapist: string;
  accepted: boolean;
  details: ClientDetails;
};

export const DEMO_CLIENTS: readonly DemoClient[] = [
  {
    email: 'sam@demo.throughline.test',
    displayName: 'Sam Rivera',
    therapist: 'maya@demo.throughline.test',
    accepted: true,
    details: {
      pronouns: 'they/them',
      dateOfBirth: '1996-04-18',
      timeZone: 'Europe/London',
      phone: '+44 7700 900123',
      emergencyContact: { name: 'Lucia Rivera', phone: '+44 7700 900456', relationship: 'mother' },
      safeContact: { mayEmail: true, emailMayIncludeDetails: false, remindersEnabled: true },
    },
  },
  {
    email: 'jordan@demo.throughline.test',
    displayName: 'Jordan Lee',
    therapist: 'maya@demo.throughline.test',
    accepted: true,
    details: {
      preferredName: 'Jo',
      pronouns: 'she/her',
      dateOfBirth: '1988-11-02',
      timeZone: 'America/New_York',
      phone: '+1 212 555 0147',
      emergencyContact: { name: 'Chris Lee', phone: '+1 212 555 0178', relationship: 'partner' },
      // Jordan asked for e-mails that say nothing beyond "you have a message".
      safeContact: { mayEmail: true, emailMayIncludeDetails: false, remindersEnabled: true },
    },
  },
  {
    email: 'priya@demo.throughline.test',
    displayName: 'Priya Shah',
    therapist: 'daniel@demo.throughline.test',
    accepted: false,
    details: { pronouns: 'she/her', dateOfBirth: '2001-07-23' },
  },
];

/** What the seed created, so later parts of the demo (appointments, notes) can build on it. */
export type DemoSeed = {
  practiceId: string;
  /** Staff by e-mail. */
  staff: Map<string, { id: string; practiceId: string; role: Role }>;
  /** Clients by e-mail, with their therapist's e-mail and the ids of their episodes, oldest first. */
  clients: Map<string, { clientId: string; therapist: string; episodeIds: string[] }>;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** True when the database already holds a practice (the demo is seeded only on first start). */
export async function hasAnyPractice(services: Services): Promise<boolean> {
  const result = await services.db.execute(sql`SELECT EXISTS (SELECT 1 FROM practices) AS found`);
  return Boolean((result.rows[0] as { found?: boolean } | undefined)?.found);
}

export async function demoExists(services: Services): Promise<boolean> {
  const email = DEMO_STAFF[0].email;
  const result = await services.db.execute(
    sql`SELECT EXISTS (SELECT 1 FROM users WHERE email = ${email}) AS found`,
  );
  return Boolean((result.rows[0] as { found?: boolean } | undefined)?.found);
}

export async function seedDemo(services: Services): Promise<DemoSeed> {
  const operator = operatorContext(services);
  const practice = await createPractice(operator, {
    name: DEMO_PRACTICE,
    timeZone: 'Europe/London',
  });
  const staff: DemoSeed['staff'] = new Map();
  const therapists = new Map<string, { id: string; practiceId: string; role: 'therapist' }>();
  for (const person of DEMO_STAFF) {
    const user = await createUserWithPassword(operator, {
      practiceId: practice.id,
      email: person.email,
      displayName: person.displayName,
      role: person.role,
      password: DEMO_PASSWORD,
      totpSecret: person.totpSecret,
    });
    staff.set(person.email, { id: user.id, practiceId: practice.id, role: person.role });
    if (person.role === 'therapist')
      therapists.set(person.email, { id: user.id, practiceId: practice.id, role: 'therapist' });
  }
  const clients: DemoSeed['clients'] = new Map();
  for (const client of DEMO_CLIENTS) {
    const therapist = therapists.get(client.therapist);
    if (!therapist) throw new Error(`demo therapist ${client.therapist} missing`);
    const asTherapist = actingAs(services, therapist);
    const created = await inviteClient(asTherapist, {
      ...client.details,
      displayName: client.displayName,
      email: client.email,
    });
    clients.set(client.email, {
      clientId: created.id,
      therapist: client.therapist,
      episodeIds: [],
    });
    if (!client.accepted) continue;
    // Accept the invitation the way the client would, through a link; links exist only when
    // minted (at send time, or here by the operator), never in the outbox.
    const token = await issueInvitationLink(services, client.email);
    await acceptInvitation(operator, token, DEMO_PASSWORD);
  }
  await seedDemoEpisodes(services, therapists, clients);
  const seed = { practiceId: practice.id, staff, clients };
  await seedDemoContinuity(services, seed);
  await seedDemoMeasures(services, seed);
  await seedDemoGoals(services, seed);
  await seedDemoReadiness(services, seed);
  await seedDemoMeasureTasks(services, seed);
  await seedDemoAccess(services, seed);
  await seedDemoSupervision(services, seed);
  await seedDemoContact(services, seed);
  await seedDemoPracticeInstruments(services, seed);
  return seed;
}

/** A phase move, or the recorded ending (which moves the phase itself: endings never flip). */
type Step =
  | { daysAgo: number; to: 'active' | 'ending' | 'closed'; reason: string }
  | { daysAgo: number; ending: RecordEnding };

/** Opens an episode and walks it through its phases, each step dated in the past. */
async function demoEpisode(
  services: Services,
  therapist: { id: string; practiceId: string; role: 'therapist' },
  clientId: string,
  opened: { daysAgo: number; title: string; reason: string },
  steps: Step[],
): Promise<string> {
  const at = (daysAgo: number) =>
    actingAs(
      { ...services, now: () => new Date(services.now().getTime() - daysAgo * DAY_MS) },
      therapist,
    );
  const episode = await createEpisode(at(opened.daysAgo), {
    clientId,
    title: opened.title,
    reason: opened.reason,
  });
  for (const step of steps) {
    if ('ending' in step) await recordEnding(at(step.daysAgo), episode.id, step.ending);
    else
      await changeEpisodePhase(at(step.daysAgo), episode.id, { to: step.to, reason: step.reason });
  }
  return episode.id;
}

/**
 * Maya's clients: Sam in an active music-therapy episode; Jordan a returning client (a closed
 * earlier episode and a new intake linked to it). Daniel's Priya is in intake.
 */
async function seedDemoEpisodes(
  services: Services,
  therapists: Map<string, { id: string; practiceId: string; role: 'therapist' }>,
  clients: DemoSeed['clients'],
): Promise<void> {
  const maya = therapists.get('maya@demo.throughline.test');
  const daniel = therapists.get('daniel@demo.throughline.test');
  const sam = clients.get('sam@demo.throughline.test');
  const jordan = clients.get('jordan@demo.throughline.test');
  const priya = clients.get('priya@demo.throughline.test');
  if (!maya || !daniel || !sam || !jordan || !priya) throw new Error('demo cast incomplete');

  sam.episodeIds.push(
    await demoEpisode(
      services,
      maya,
      sam.clientId,
      {
        daysAgo: 91,
        title: 'Music therapy — anxiety and sleep',
        reason: 'Self-referred: anxiety, trouble falling asleep; plays guitar.',
      },
      [
        {
          daysAgo: 84,
          to: 'active',
          reason: 'Assessment complete; weekly sessions agreed, focus on anxiety and sleep.',
        },
      ],
    ),
  );

  const firstCourse = await demoEpisode(
    services,
    maya,
    jordan.clientId,
    {
      daysAgo: 430,
      title: 'Music therapy — stress after a move',
      reason: 'Referred by their GP after relocating for work.',
    },
    [{ daysAgo: 420, to: 'active', reason: 'Goals agreed: routines, songwriting as an outlet.' }],
  );
  // Sessions, scores, goals, the agreed ending plan and the shared ending summary (issue 11).
  await seedJoFirstCourse(services, maya, jordan, firstCourse);
  jordan.episodeIds.push(firstCourse);
  jordan.episodeIds.push(
    await demoEpisode(
      services,
      maya,
      jordan.clientId,
      {
        daysAgo: 6,
        title: 'Music therapy — return',
        reason: 'Returned after a job change; sleep and stress have come back.',
      },
      [],
    ),
  );

  priya.episodeIds.push(
    await demoEpisode(
      services,
      daniel,
      priya.clientId,
      {
        daysAgo: 3,
        title: 'Counselling — intake',
        reason: 'Referred by the university counselling service.',
      },
      [],
    ),
  );
}
