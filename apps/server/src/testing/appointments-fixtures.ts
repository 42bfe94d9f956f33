import { randomUUID } from 'node:crypto';
import { episodeTitlePurpose, inviteClient } from '@throughline/domain';
import { episodes } from '@throughline/domain/schema';
import { sql } from 'drizzle-orm';
import { actingAs } from '../operator';
import type { Harness, Person } from './harness';

/**
 * An episode row inserted directly, so the appointment tests do not depend on the episodes
 * module's use-cases.
 */
export async function insertEpisode(
  h: Harness,
  input: { clientId: string; therapist: Person; title?: string; phase?: 'active' | 'closed' },
): Promise<string> {
  const id = randomUUID();
  await h.services.db.insert(episodes).values({
    id,
    practiceId: input.therapist.practiceId,
    clientId: input.clientId,
    therapistId: input.therapist.userId,
    title: await h.services.keyring.encrypt(
      h.services.db,
      input.therapist.practiceId,
      input.title ?? 'Music therapy',
      episodeTitlePurpose(id),
    ),
    phase: input.phase ?? 'active',
    ...(input.phase === 'closed' ? { closedAt: new Date() } : {}),
  });
  return id;
}

/** Another client of the therapist (a second caseload member), without a portal sign-in. */
export async function addClient(h: Harness, therapist: Person, name: string): Promise<string> {
  const view = await inviteClient(
    actingAs(h.services, {
      id: therapist.userId,
      practiceId: therapist.practiceId,
      role: 'therapist',
    }),
    {
      displayName: name,
      email: `${name.toLowerCase().replace(/\W/g, '')}-${randomUUID()}@test.example`,
    },
  );
  return view.id;
}

export async function setClientZone(h: Harness, clientId: string, timeZone: string): Promise<void> {
  await h.services.db.execute(
    sql`UPDATE clients SET time_zone = ${timeZone} WHERE id = ${clientId}`,
  );
}
