import { DEFAULT_CONSENT_TEXTS } from '@throughline/contracts';
import {
  acceptContactAgreement,
  addBoundaryEntry,
  arrangeCover,
  assignSupervisor,
  cancelCover,
  createNote,
  listEpisodeAlerts,
  listPortalConsents,
  proposeContactAgreement,
  publishConsentDocument,
  recordResponse,
  sendMessage,
  signConsent,
  signNote,
  uploadMessageAttachment,
  withdrawConsent,
} from '@throughline/domain';
import type { Harness, Person } from './harness';
import type { RelationState } from './matrix';
import { newUser } from './sign-in';
import { as, clientWithEpisode, type TestClient } from './supervision';

/**
 * The episodes behind the authorization matrix's relation states (issue 10): a therapist of
 * their own (so the cast's rows keep their meaning) whom the cast supervisor supervises and the
 * cast `otherTherapist` covers. Each state has its own episode with the same records in it —
 * an accepted contact agreement, a message with a file, a client's message, a signed note, a
 * PHQ-9 with its alert and a boundary-log entry — so a row asks the same question of each.
 */
export type RelationKit = {
  clientId: string;
  episodeId: string;
  noteId: string;
  /** The therapist's file, sent with a message. */
  attachmentId: string;
  agreementVersion: number;
  /** The urgent alert the PHQ-9 raised. */
  alertId: string;
};

/** Who asks in each state, about which kit, and at which moment of the cover window. */
export const STATE_OF: Record<
  RelationState,
  { who: 'supervisor' | 'otherTherapist'; kit: KitKey; at: 'setup' | 'during' | 'after' }
> = {
  supervisorWithConsent: { who: 'supervisor', kit: 'consented', at: 'setup' },
  supervisorWithoutConsent: { who: 'supervisor', kit: 'unconsented', at: 'setup' },
  supervisorAfterWithdrawal: { who: 'supervisor', kit: 'withdrawn', at: 'setup' },
  designeeBeforeCover: { who: 'otherTherapist', kit: 'covered', at: 'setup' },
  designeeDuringCover: { who: 'otherTherapist', kit: 'covered', at: 'during' },
  designeeCoverCancelled: { who: 'otherTherapist', kit: 'cancelled', at: 'during' },
  designeeAfterCover: { who: 'otherTherapist', kit: 'covered', at: 'after' },
};

type KitKey = 'consented' | 'unconsented' | 'withdrawn' | 'covered' | 'cancelled';

export type RelationFixture = {
  kits: Record<KitKey, RelationKit>;
  /** The cover window (ms since the epoch): start inclusive, end exclusive. */
  cover: { startsAt: number; endsAt: number };
};

const MINUTE = 60_000;
const TERMS = {
  channels: { messages: true, email: true, phone: false },
  availability: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '23:59' })),
  responseTimeHours: 24,
};

/** Builds the fixture at `now`: the cover starts 5 minutes later and lasts 5 minutes. */
export async function buildRelations(h: Harness, now: number): Promise<RelationFixture> {
  const { admin, supervisor, otherTherapist } = h.cast;
  const therapist = await newUser(h, 'therapist', {
    prefix: 'relations',
    displayName: 'Relations Therapist',
  });
  await assignSupervisor(as(h.services, admin), {
    supervisorId: supervisor.userId,
    therapistId: therapist.userId,
  });
  const keys: KitKey[] = ['consented', 'unconsented', 'withdrawn', 'covered', 'cancelled'];
  const clients = {} as Record<KitKey, TestClient>;
  const kits = {} as Record<KitKey, RelationKit>;
  for (const key of keys) {
    clients[key] = await clientWithEpisode(h.services, therapist, `Relations ${key}`);
    kits[key] = await fillEpisode(h, therapist, clients[key]);
  }
  await signSupervision(h, clients.consented);
  const withdrawn = await signSupervision(h, clients.withdrawn);
  await withdrawConsent(clients.withdrawn.ctx, withdrawn);

  const cover = { startsAt: now + 5 * MINUTE, endsAt: now + 10 * MINUTE };
  const t = as(h.services, therapist);
  const window = {
    designeeId: otherTherapist.userId,
    startsAt: new Date(cover.startsAt),
    endsAt: new Date(cover.endsAt),
  };
  await arrangeCover(t, { ...window, episodeIds: [kits.covered.episodeId] });
  const cancelled = await arrangeCover(t, { ...window, episodeIds: [kits.cancelled.episodeId] });
  await cancelCover(t, cancelled.id);
  return { kits, cover };
}

async function fillEpisode(h: Harness, therapist: Person, client: TestClient) {
  const t = as(h.services, therapist);
  const { episodeId } = client;
  const proposed = await proposeContactAgreement(t, episodeId, TERMS);
  await acceptContactAgreement(client.ctx, episodeId, { version: proposed.version });
  const file = await uploadMessageAttachment(t, episodeId, {
    fileName: 'verse.txt',
    declaredType: 'text/plain',
    bytes: Buffer.from('A verse for the week'),
  });
  await sendMessage(t, episodeId, { body: 'The verse we wrote', attachmentId: file.id });
  await sendMessage(client.ctx, episodeId, { body: 'Thank you, see you Tuesday' });
  const note = await createNote(t, {
    episodeId,
    template: 'dap',
    body: {
      data: 'Played drums.',
      assessment: 'Engaged.',
      plan: 'Continue.',
      planForNext: 'Lyrics',
    },
  });
  await signNote(t, note.id, { version: note.version });
  // Item 9 answered: an urgent alert for the episode.
  await recordResponse(t, { episodeId, instrument: 'phq-9', answers: [1, 1, 1, 1, 1, 1, 1, 1, 1] });
  const alerts = await listEpisodeAlerts(t, episodeId, 'open');
  await addBoundaryEntry(t, episodeId, {
    kind: 'gift',
    assessment: 'crossing',
    occurredOn: '2026-03-02',
    description: 'A handmade card.',
    reflection: '',
    consultation: '',
    codeClause: 'APA 3.05',
    followUp: '',
  });
  return {
    clientId: client.clientId,
    episodeId,
    noteId: note.id,
    attachmentId: file.id,
    agreementVersion: proposed.version,
    alertId: alerts[0]?.id ?? '',
  };
}

/** Signs the current supervision consent (publishing the default text if none is published). */
async function signSupervision(h: Harness, client: TestClient): Promise<string> {
  let current = (await listPortalConsents(client.ctx)).find(
    (i) => i.document.kind === 'supervision',
  );
  if (!current) {
    const text = DEFAULT_CONSENT_TEXTS.supervision;
    await publishConsentDocument(as(h.services, h.cast.admin), { kind: 'supervision', ...text });
    current = (await listPortalConsents(client.ctx)).find((i) => i.document.kind === 'supervision');
  }
  const signed = await signConsent(client.ctx, {
    kind: 'supervision',
    version: current?.document.version ?? 1,
    signedName: 'Relations Client',
  });
  return signed.id;
}
