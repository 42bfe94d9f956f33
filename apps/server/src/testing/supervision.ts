import {
  CONSENT_KINDS,
  type ConsentKind,
  DEFAULT_CONSENT_TEXTS,
  type SupervisionPart,
} from '@throughline/contracts';
import {
  type AccessContext,
  createEpisode,
  publishConsentDocument,
  type Services,
  signConsent,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { actingAs } from '../operator';
import { freshClient } from './episodes';
import type { Person } from './harness';

/** A person of the cast (or made by a test) acting through the use-cases. */
export const as = (services: Services, p: Pick<Person, 'userId' | 'practiceId' | 'role'>) =>
  actingAs(services, { id: p.userId, practiceId: p.practiceId, role: p.role });

/** Publishes the default text of every kind (supervision sharing `shares`, when given). */
export async function publishDefaults(
  services: Services,
  admin: Person,
  shares?: SupervisionPart[],
): Promise<void> {
  for (const kind of CONSENT_KINDS) {
    const text = DEFAULT_CONSENT_TEXTS[kind];
    await publishConsentDocument(as(services, admin), {
      kind,
      title: text.title,
      body: text.body,
      shares: kind === 'supervision' && shares ? shares : text.shares,
    });
  }
}

export type TestClient = {
  clientId: string;
  episodeId: string;
  ctx: AccessContext;
  userId: string;
};

/** A new client of `therapist` with an open episode, and a context acting as that client. */
export async function clientWithEpisode(
  services: Services,
  therapist: Person,
  label: string,
): Promise<TestClient> {
  const clientId = await freshClient(services, therapist, label);
  const episode = await createEpisode(as(services, therapist), {
    clientId,
    title: 'Music therapy',
    reason: 'Referral.',
  });
  const found = await services.db.execute<{ user_id: string }>(
    sql`SELECT user_id FROM clients WHERE id = ${clientId}`,
  );
  const userId = found.rows[0]?.user_id ?? '';
  const ctx = actingAs(services, { id: userId, practiceId: therapist.practiceId, role: 'client' });
  return { clientId, episodeId: episode.id, ctx, userId };
}

/** The client signs the current version of `kind`; returns the signature id. */
export async function sign(client: TestClient, kind: ConsentKind, version = 1): Promise<string> {
  const signed = await signConsent(client.ctx, { kind, version, signedName: 'Test Client' });
  return signed.id;
}
