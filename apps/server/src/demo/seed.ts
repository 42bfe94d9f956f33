import {
  acceptInvitation,
  createPractice,
  createUserWithPassword,
  inviteClient,
  listOutbox,
  type Services,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { actingAs, operatorContext } from '../operator';

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

export const DEMO_CLIENTS = [
  {
    email: 'sam@demo.throughline.test',
    displayName: 'Sam Rivera',
    therapist: 'maya@demo.throughline.test',
    accepted: true,
  },
  {
    email: 'jordan@demo.throughline.test',
    displayName: 'Jordan Lee',
    therapist: 'maya@demo.throughline.test',
    accepted: true,
  },
  {
    email: 'priya@demo.throughline.test',
    displayName: 'Priya Shah',
    therapist: 'daniel@demo.throughline.test',
    accepted: false,
  },
] as const;

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

export async function seedDemo(services: Services): Promise<void> {
  const operator = operatorContext(services);
  const practice = await createPractice(operator, {
    name: DEMO_PRACTICE,
    timeZone: 'Europe/London',
  });
  const staff = new Map<string, { id: string; practiceId: string; role: 'therapist' }>();
  for (const person of DEMO_STAFF) {
    const user = await createUserWithPassword(operator, {
      practiceId: practice.id,
      email: person.email,
      displayName: person.displayName,
      role: person.role,
      password: DEMO_PASSWORD,
      totpSecret: person.totpSecret,
    });
    if (person.role === 'therapist')
      staff.set(person.email, { id: user.id, practiceId: practice.id, role: 'therapist' });
  }
  for (const client of DEMO_CLIENTS) {
    const therapist = staff.get(client.therapist);
    if (!therapist) throw new Error(`demo therapist ${client.therapist} missing`);
    const asTherapist = actingAs(services, therapist);
    await inviteClient(asTherapist, { displayName: client.displayName, email: client.email });
    if (!client.accepted) continue;
    // Accept the invitation the way the client would: from the link in the e-mail.
    const admin = actingAs(services, {
      id: therapist.id,
      practiceId: practice.id,
      role: 'practice_admin',
    });
    const mail = (await listOutbox(admin, 50)).find((m) => m.to === client.email);
    const token = mail?.text.match(/\/invitations\/([\w-]+)/)?.[1];
    if (!token) throw new Error(`demo invitation for ${client.email} not found`);
    await acceptInvitation(operator, token, DEMO_PASSWORD);
  }
}
