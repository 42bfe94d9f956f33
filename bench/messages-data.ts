// Bulk data for the messages benchmark: one therapist with a few thousand conversations.
import { randomUUID } from 'node:crypto';
import {
  acceptContactAgreement,
  agreementContentPurpose,
  episodeTitlePurpose,
  messageBodyPurpose,
  proposeContactAgreement,
  type Services,
} from '@throughline/domain';
import {
  agreementResponses,
  agreements,
  agreementVersions,
  clients,
  episodes,
  messages,
  users,
} from '@throughline/domain/schema';
import { and, eq, sql } from 'drizzle-orm';
import { actingAs } from '../apps/server/src/operator';

const MINUTE = 60_000;

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

export type Conversation = { episodeId: string; clientEmail: string };

/**
 * `count` clients of the therapist, each with an active episode, a contact agreement both accepted
 * (the first through the domain's propose and accept; the others copy its terms, each version
 * encrypted under its own id as the app does) and a short conversation of three messages, bodies
 * encrypted with the practice key (purpose `message.body:<id>`). Every third episode's last client
 * message is unread, so the caseload has unread counts to show. The clients share the password
 * hash of `template` (one hash, not thousands: hashing is the slow part of seeding).
 */
export async function seedConversations(
  services: Services,
  practice: { id: string },
  therapist: { id: string },
  template: { id: string },
  count: number,
): Promise<Conversation[]> {
  const { db, keyring } = services;
  const practiceId = practice.id;
  const seal = (text: string, purpose: string) => keyring.encrypt(db, practiceId, text, purpose);
  const [hash] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.practiceId, practiceId), eq(users.id, template.id)));
  const people = Array.from({ length: count }, (_, i) => ({
    userId: randomUUID(),
    clientId: randomUUID(),
    episodeId: randomUUID(),
    email: `client${i}@bench.example`,
    name: `Client ${String(i).padStart(4, '0')}`,
  }));
  await inChunks(people, (chunk) =>
    db.insert(users).values(
      chunk.map((p) => ({
        practiceId,
        id: p.userId,
        email: p.email,
        displayName: p.name,
        role: 'client' as const,
        passwordHash: hash?.passwordHash ?? null,
      })),
    ),
  );
  await inChunks(people, (chunk) =>
    db.insert(clients).values(
      chunk.map((p) => ({
        practiceId,
        id: p.clientId,
        userId: p.userId,
        displayName: p.name,
        email: p.email,
        therapistId: therapist.id,
        timeZone: 'Europe/London',
      })),
    ),
  );
  const titled = await Promise.all(
    people.map(async (p) => ({
      practiceId,
      id: p.episodeId,
      clientId: p.clientId,
      therapistId: therapist.id,
      phase: 'active' as const,
      title: await seal('Music therapy', episodeTitlePurpose(p.episodeId)),
      openedAt: new Date(Date.now() - 180 * 86_400_000),
    })),
  );
  await inChunks(titled, (chunk) => db.insert(episodes).values(chunk));

  // The first agreement through the domain, as therapist and client would make it.
  const [first, ...rest] = people;
  if (!first) return [];
  const asTherapist = actingAs(services, { id: therapist.id, practiceId, role: 'therapist' });
  const asClient = actingAs(services, { id: first.userId, practiceId, role: 'client' });
  const proposed = await proposeContactAgreement(asTherapist, first.episodeId, {
    channels: { messages: true, email: true, phone: false },
    availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '17:00' })),
    responseTimeHours: 48,
    timeZone: 'Europe/London',
  });
  await acceptContactAgreement(asClient, first.episodeId, { version: proposed.version });
  const [template1] = await db
    .select({ id: agreementVersions.id, content: agreementVersions.content })
    .from(agreementVersions)
    .where(eq(agreementVersions.practiceId, practiceId));
  if (!template1) throw new Error('the first contact agreement was not stored');
  const terms = await keyring.decrypt(
    db,
    practiceId,
    template1.content,
    agreementContentPurpose(template1.id),
  );
  const agreed = new Date(Date.now() - 170 * 86_400_000);
  const copies = await Promise.all(
    rest.map(async (p) => {
      const versionId = randomUUID();
      return {
        p,
        agreementId: randomUUID(),
        versionId,
        content: await seal(terms, agreementContentPurpose(versionId)),
      };
    }),
  );
  await inChunks(copies, async (chunk) => {
    await db.insert(agreements).values(
      chunk.map((c) => ({
        practiceId,
        id: c.agreementId,
        episodeId: c.p.episodeId,
        kind: 'contact-agreement' as const,
        createdAt: agreed,
      })),
    );
    await db.insert(agreementVersions).values(
      chunk.map((c) => ({
        practiceId,
        id: c.versionId,
        agreementId: c.agreementId,
        version: 1,
        content: c.content,
        proposedBy: therapist.id,
        proposedAt: agreed,
      })),
    );
    await db.insert(agreementResponses).values(
      chunk.flatMap((c) => [
        {
          practiceId,
          versionId: c.versionId,
          party: 'therapist' as const,
          response: 'accepted' as const,
          respondedBy: therapist.id,
          respondedAt: agreed,
        },
        {
          practiceId,
          versionId: c.versionId,
          party: 'client' as const,
          response: 'accepted' as const,
          respondedBy: c.p.userId,
          respondedAt: new Date(agreed.getTime() + 86_400_000),
        },
      ]),
    );
  });

  // Three messages per conversation: client, therapist's reply, client again.
  const lines: ['client' | 'therapist', string][] = [
    ['client', 'I may be ten minutes late on Thursday; the bus timetable has changed.'],
    ['therapist', 'Thank you for letting me know. We will still have the full time for the song.'],
    ['client', 'Thank you. I practised the chorus twice this week.'],
  ];
  const base = Date.now() - 3 * 86_400_000;
  const rows = await Promise.all(
    people.flatMap((p, i) =>
      lines.map(async ([party, text], k) => {
        const id = randomUUID();
        const sentAt = new Date(base + (i % 1440) * MINUTE + k * 90 * MINUTE);
        const unread = k === 2 && i % 3 === 0;
        return {
          practiceId,
          id,
          episodeId: p.episodeId,
          senderId: party === 'client' ? p.userId : therapist.id,
          senderParty: party,
          body: await seal(text, messageBodyPurpose(id)),
          sentAt,
          agreementVersion: 1,
          readAt: unread ? null : new Date(sentAt.getTime() + 30 * MINUTE),
        };
      }),
    ),
  );
  await inChunks(rows, (chunk) => db.insert(messages).values(chunk));
  await db.execute(sql`ANALYZE`);
  return people.map((p) => ({ episodeId: p.episodeId, clientEmail: p.email }));
}
