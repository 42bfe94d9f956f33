import { randomUUID } from 'node:crypto';
import type { Services } from '@throughline/domain';
import {
  agreementContentPurpose,
  changeEpisodePhase,
  recordEnding,
  recordResponse,
} from '@throughline/domain';
import { agreementResponses, agreements, agreementVersions } from '@throughline/domain/schema';
import type { Person } from './harness';
import { as, clientWithEpisode, sign, type TestClient } from './supervision';

/**
 * A client whose episode ended with an accepted ending plan naming `months` check-ins, a WHO-5
 * at the ending (`endingWho5`, answers in item order), and (unless `consent` is false) a live
 * check-in consent; the episode is moved to aftercare by the therapist recording the planned ending. The plan is written as
 * the agreement primitive stores it (kind `ending-plan`, `{ v: 1, …terms }`), accepted by both.
 */
export async function endedClient(
  services: Services,
  therapist: Person,
  label: string,
  options: { months: number[]; endingWho5?: number[]; consent?: boolean },
): Promise<TestClient> {
  const client = await clientWithEpisode(services, therapist, label);
  const th = as(services, therapist);
  await changeEpisodePhase(th, client.episodeId, { to: 'active', reason: 'Assessment done.' });
  if (options.endingWho5)
    await recordResponse(th, {
      episodeId: client.episodeId,
      instrument: 'who-5',
      answers: options.endingWho5,
    });
  const practiceId = therapist.practiceId;
  const agreementId = randomUUID();
  const versionId = randomUUID();
  await services.db.insert(agreements).values({
    practiceId,
    id: agreementId,
    episodeId: client.episodeId,
    kind: 'ending-plan',
  });
  const content = {
    v: 1,
    lastSessionOn: '2026-01-31',
    checkIns: options.months.map((afterMonths) => ({ afterMonths })),
  };
  await services.db.insert(agreementVersions).values({
    practiceId,
    id: versionId,
    agreementId,
    version: 1,
    content: await services.keyring.encrypt(
      services.db,
      practiceId,
      JSON.stringify(content),
      agreementContentPurpose(versionId),
    ),
    proposedBy: therapist.userId,
    proposedAt: services.now(),
  });
  await services.db.insert(agreementResponses).values(
    (['therapist', 'client'] as const).map((party) => ({
      practiceId,
      versionId,
      party,
      response: 'accepted' as const,
      respondedBy: party === 'therapist' ? therapist.userId : client.userId,
      respondedAt: services.now(),
    })),
  );
  if (options.consent !== false) await sign(client, 'check-ins');
  await changeEpisodePhase(th, client.episodeId, { to: 'ending', reason: 'Plan agreed.' });
  await recordEnding(th, client.episodeId, { kind: 'planned', reason: 'Last session held.' });
  return client;
}
