import { randomUUID } from 'node:crypto';
import {
  type RecordEnding,
  type RecordEndingInput,
  recordEndingRequest,
} from '@throughline/contracts';
import { endingDetailsPurpose, endingReasonPurpose, type Services } from '@throughline/domain';
import { episodeEndings } from '@throughline/domain/schema';
import { sql } from 'drizzle-orm';
import { insertEpisode } from './appointments-fixtures';
import type { Harness, Person } from './harness';

/** A form as the route passes it to the use-case (defaults filled in). */
export const parsed = (form: RecordEndingInput): RecordEnding => recordEndingRequest.parse(form);

/**
 * Puts an episode in `ending` directly, as if both had agreed the ending plan: the endings tests
 * are about what happens after, not about the plan's two-party rule (tested with the plan).
 */
export async function putInEnding(services: Services, episodeId: string): Promise<void> {
  await services.db.execute(
    sql`UPDATE episodes SET phase = 'ending' WHERE id = ${episodeId} AND phase <> 'closed'`,
  );
}

/** The forms of each kind of ending, valid as they stand. */
export const ENDINGS = {
  planned: { kind: 'planned', reason: 'Goals met; both agreed the ending plan.' },
  therapistInitiated: {
    kind: 'therapist-initiated',
    reason: 'No longer benefiting after six months despite two changes of approach.',
    grounds: 'not-benefiting',
    preterminationOn: '2026-03-02',
    preterminationSummary: 'Talked through the reasons and the options over two sessions.',
    referrals: [{ to: 'Community psychology team', reason: 'Longer-term CBT.' }],
  },
  withdrawal: {
    kind: 'client-withdrawal',
    reason: 'No reply since the last session; the client stopped attending.',
    outreach: [
      { on: '2026-02-10', channel: 'phone', note: 'Voicemail left.' },
      { on: '2026-02-17', channel: 'portal message' },
    ],
    closureLetter: {
      text: 'I have not heard from you since our last session, so I am closing our work for now.',
      howToReturn: 'Write to me through the portal or call the practice; you are welcome back.',
      referrals: [{ to: 'Local talking therapies service' }],
    },
  },
  transfer: {
    kind: 'transfer',
    reason: 'The client is moving to another city.',
    transferTo: 'Dr Ana Ruiz, Northside Music Therapy',
    handoverSummary:
      'Twelve sessions; songwriting helped; sleep improved; anxiety at work remains.',
  },
  clientDeath: {
    kind: 'death-or-incapacity',
    reason: 'The client is in long-term hospital care and cannot continue.',
    of: 'client',
  },
  therapistDeath: {
    kind: 'death-or-incapacity',
    reason: 'The therapist is on indefinite medical leave.',
    of: 'therapist',
  },
  notStarted: {
    kind: 'not-started',
    reason: 'Not a fit after assessment: needs specialist eating-disorder care.',
    referrals: [{ to: 'Regional eating disorders service' }],
  },
} satisfies Record<string, RecordEndingInput>;

/**
 * A closed episode with its ending, inserted directly (sealed as the endings module seals it):
 * for matrix rows that must not open or close an episode other modules share.
 */
export async function insertEndedEpisode(
  h: Harness,
  therapist: Person,
  clientId: string,
  ending: RecordEndingInput,
): Promise<string> {
  const episodeId = await insertEpisode(h, { clientId, therapist, phase: 'closed' });
  const id = randomUUID();
  const { reason, ...form } = parsed(ending);
  const seal = (text: string, purpose: string) =>
    h.services.keyring.encrypt(h.services.db, therapist.practiceId, text, purpose);
  await h.services.db.insert(episodeEndings).values({
    practiceId: therapist.practiceId,
    id,
    episodeId,
    kind: ending.kind,
    reason: await seal(reason, endingReasonPurpose(id)),
    details: await seal(JSON.stringify({ v: 1, ...form }), endingDetailsPurpose(id)),
    recordedBy: therapist.userId,
    recordedAt: new Date(),
  });
  return episodeId;
}
