import { randomUUID } from 'node:crypto';
import {
  AppError,
  createEpisode,
  type EpisodeView,
  episodeTitlePurpose,
  inviteClient,
  listEpisodes,
  type Services,
} from '@throughline/domain';
import { actingAs } from '../operator';
import type { Person } from './harness';

const as = (services: Services, therapist: Person) =>
  actingAs(services, { id: therapist.userId, practiceId: therapist.practiceId, role: 'therapist' });

/**
 * The open episode between a therapist and a client of the cast, opened now if there is none.
 * Idempotent, so several modules' matrix setups can ask for the same episode.
 */
export async function openEpisodeFor(
  services: Services,
  therapist: Person,
  client: Person,
): Promise<EpisodeView> {
  const ctx = as(services, therapist);
  const clientId = client.clientId ?? '';
  try {
    return await createEpisode(ctx, { clientId, title: 'Music therapy', reason: 'Referral.' });
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'EPISODE_ALREADY_OPEN')) throw error;
    const page = await listEpisodes(ctx, { clientId, limit: 200 });
    const open = page.items.find((e) => e.therapistId === therapist.userId && e.phase !== 'closed');
    if (!open) throw error;
    return open;
  }
}

/** A new client of `therapist` (no invitation e-mail), for tests that change a client's record. */
export async function freshClient(
  services: Services,
  therapist: Person,
  label: string,
): Promise<string> {
  const created = await inviteClient(as(services, therapist), {
    displayName: label,
    email: `${label.toLowerCase().replace(/\W+/g, '-')}-${randomUUID()}@test.example`,
    invite: false,
  });
  return created.id;
}

/** An episode title sealed as the episodes module stores it, for rows a test inserts directly. */
export function sealedTitle(
  services: Services,
  practiceId: string,
  episodeId: string,
  title: string,
): Promise<string> {
  return services.keyring.encrypt(services.db, practiceId, title, episodeTitlePurpose(episodeId));
}
