/**
 * The rows of a synthetic practice, one therapist at a time, as plain values (no I/O): the same
 * seed, size and anchor give the same rows. Values to be encrypted are `Sealed` (text and purpose);
 * the loader seals them with the practice keyring. Every time is relative to `anchor` ("now").
 */
import { scoreAnswers } from '@throughline/clinical';
import {
  agreementContentPurpose,
  alertInputsPurpose,
  episodeTitlePurpose,
  messageBodyPurpose,
  notePurpose,
  phaseReasonPurpose,
  responseAnswersPurpose,
  totpSecretPurpose,
} from '@throughline/domain';
import { childSeed, Random } from './random';
import { clientEmail, SIZES, type Size, therapistEmail } from './sizes';
import { alertsFor, type Trajectory, trajectoryScore } from './trajectory';

export type Sealed = { readonly plaintext: string; readonly purpose: string };
export type Value = string | number | boolean | Date | null | Sealed | Record<string, unknown>;
export type Row = Value[];

/** The tables a plan fills, in load order (a table's foreign keys point only to earlier ones). */
export const TABLE_COLUMNS = {
  users: [
    'practice_id',
    'id',
    'email',
    'display_name',
    'role',
    'password_hash',
    'totp_secret',
    'totp_enabled_at',
    'created_at',
  ],
  clients: [
    'practice_id',
    'id',
    'user_id',
    'display_name',
    'email',
    'therapist_id',
    'time_zone',
    'may_email',
    'created_at',
  ],
  episodes: [
    'practice_id',
    'id',
    'client_id',
    'therapist_id',
    'phase',
    'title',
    'previous_episode_id',
    'opened_at',
    'closed_at',
  ],
  episode_phase_changes: [
    'practice_id',
    'id',
    'episode_id',
    'from_phase',
    'to_phase',
    'changed_by',
    'changed_at',
    'reason',
  ],
  measurement_plans: [
    'practice_id',
    'id',
    'episode_id',
    'instrument',
    'schedule',
    'created_by',
    'created_at',
  ],
  appointments: [
    'practice_id',
    'id',
    'episode_id',
    'therapist_id',
    'starts_at',
    'ends_at',
    'status',
    'modality',
    'kind',
    'cancelled_by',
    'cancelled_at',
    'late_cancellation',
    'status_changed_by',
    'status_changed_at',
    'created_at',
  ],
  notes: [
    'practice_id',
    'id',
    'episode_id',
    'appointment_id',
    'author_id',
    'template',
    'status',
    'body',
    'created_at',
    'updated_at',
    'signed_at',
  ],
  responses: [
    'practice_id',
    'id',
    'episode_id',
    'instrument',
    'instrument_version',
    'appointment_id',
    'answers',
    'total',
    'band',
    'flags',
    'subscales',
    'percentage',
    'result',
    'completed_at',
    'entered_by',
    'on_behalf',
    'created_at',
  ],
  alerts: [
    'practice_id',
    'id',
    'episode_id',
    'response_id',
    'kind',
    'severity',
    'rule',
    'rule_version',
    'inputs',
    'source',
    'created_at',
    'acknowledged_at',
    'acknowledged_by',
  ],
  agreements: ['practice_id', 'id', 'episode_id', 'kind', 'created_at'],
  agreement_versions: [
    'practice_id',
    'id',
    'agreement_id',
    'version',
    'content',
    'proposed_by',
    'proposed_at',
  ],
  agreement_responses: [
    'practice_id',
    'version_id',
    'party',
    'response',
    'responded_by',
    'responded_at',
  ],
  messages: [
    'practice_id',
    'id',
    'episode_id',
    'sender_id',
    'sender_party',
    'body',
    'sent_at',
    'agreement_version',
    'outside_hours',
    'read_at',
  ],
} as const;

export type Table = keyof typeof TABLE_COLUMNS;
export type TableRows = Record<Table, Row[]>;

export type PlanInput = {
  seed: number;
  size: Size;
  /** "Now" for the practice: sessions before it happened, after it are scheduled. */
  anchor: Date;
  practiceId: string;
  /** One argon2id hash every generated account shares (hashing each would dominate the load). */
  passwordHash: string;
  /** The contact agreement terms (JSON) every episode with messages agreed to. */
  contactTerms: string;
  timeZone: string;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const PHASES = ['intake', 'active', 'ending', 'aftercare', 'closed'] as const;
type Phase = (typeof PHASES)[number];

const FIRST = ['Alex', 'Sam', 'Jo', 'Robin', 'Kim', 'Noor', 'Ines', 'Tomas', 'Ada', 'Yusuf'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Silva', 'Novak', 'Byrne', 'Haddad'];
const CLIENT_LINES = [
  'I may be ten minutes late on Thursday; the bus timetable has changed.',
  'I tried the breathing exercise twice this week. It helped on Tuesday.',
  'Could we talk about my sister next time? Something came up at the weekend.',
  'I slept better after the walk you suggested.',
];
const THERAPIST_LINES = [
  'Thank you for letting me know. We will still have the full time.',
  'Thank you for telling me. We can start with that on Thursday.',
  'Good to hear. Bring what you noticed and we will look at it together.',
];
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export type TherapistPlan = {
  therapistId: string;
  email: string;
  /** The therapist's TOTP secret (base32), so a test can sign in with two-factor. */
  totpSecret: string;
  rows: TableRows;
};

export function emptyRows(): TableRows {
  return Object.fromEntries(Object.keys(TABLE_COLUMNS).map((t) => [t, []])) as unknown as TableRows;
}

/** Every row that belongs to therapist `k` of the practice (their account, clients and records). */
export function planTherapist(input: PlanInput, k: number): TherapistPlan {
  const rnd = new Random(childSeed(input.seed, k));
  const rows = emptyRows();
  const p = input.practiceId;
  const at = input.anchor.getTime();
  const therapistId = rnd.uuid();
  const totpSecret = Array.from({ length: 32 }, () => BASE32[rnd.int(0, 31)]).join('');
  const staffSince = new Date(at - 6 * 365 * DAY);
  rows.users.push([
    p,
    therapistId,
    therapistEmail(k),
    `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`,
    'therapist',
    input.passwordHash,
    { plaintext: totpSecret, purpose: totpSecretPurpose(therapistId) },
    staffSince,
    staffSince,
  ]);
  const clients = SIZES[input.size].clientsPerTherapist;
  for (let i = 0; i < clients; i++) planClient(input, rnd, rows, { k, i, therapistId });
  return { therapistId, email: therapistEmail(k), totpSecret, rows };
}

type Who = { k: number; i: number; therapistId: string };

function planClient(input: PlanInput, rnd: Random, rows: TableRows, who: Who): void {
  const p = input.practiceId;
  const at = input.anchor.getTime();
  const userId = rnd.uuid();
  const clientId = rnd.uuid();
  const name = `${rnd.pick(FIRST)} ${rnd.pick(LAST)} ${who.k}-${who.i}`;
  const phase = rnd.weighted<Phase>({
    intake: 8,
    active: 55,
    ending: 7,
    aftercare: 10,
    closed: 20,
  });
  // Sessions in the episode: most courses are a few months, some run for years.
  const sessions =
    phase === 'intake'
      ? rnd.int(0, 1)
      : rnd.pick([
          () => rnd.int(6, 16),
          () => rnd.int(6, 16),
          () => rnd.int(17, 50),
          () => rnd.int(17, 50),
          () => rnd.int(17, 50),
          () => rnd.int(51, 100),
          () => rnd.int(51, 100),
          () => rnd.int(51, 100),
          () => rnd.int(101, 260),
        ])();
  const weeksSinceLast =
    phase === 'aftercare' ? rnd.int(2, 26) : phase === 'closed' ? rnd.int(4, 150) : 0;
  const hour = rnd.int(8, 18);
  const firstAt = Math.floor((at - (sessions + weeksSinceLast) * WEEK) / HOUR) * HOUR + hour * HOUR;
  const openedAt = new Date(firstAt - 2 * WEEK);
  const created = new Date(openedAt.getTime() - DAY);
  rows.users.push([
    p,
    userId,
    clientEmail(who.k, who.i),
    name,
    'client',
    input.passwordHash,
    null,
    null,
    created,
  ]);
  rows.clients.push([
    p,
    clientId,
    userId,
    name,
    clientEmail(who.k, who.i),
    who.therapistId,
    input.timeZone,
    true,
    created,
  ]);
  const episodeId = rnd.uuid();
  const lastAt = firstAt + Math.max(0, sessions - 1) * WEEK;
  const closedAt = phase === 'closed' ? new Date(lastAt + 2 * WEEK) : null;
  rows.episodes.push([
    p,
    episodeId,
    clientId,
    who.therapistId,
    phase,
    {
      plaintext: rnd.pick(['Music therapy', 'Counselling', 'Grief work', 'CBT for anxiety']),
      purpose: episodeTitlePurpose(episodeId),
    },
    null,
    openedAt,
    closedAt,
  ]);
  planPhaseChanges(rnd, rows, {
    p,
    episodeId,
    therapistId: who.therapistId,
    phase,
    openedAt,
    firstAt,
    lastAt,
  });
  for (const instrument of ['phq-9', 'gad-7'])
    rows.measurement_plans.push([
      p,
      rnd.uuid(),
      episodeId,
      instrument,
      'before-every-session',
      who.therapistId,
      openedAt,
    ]);
  const episode: EpisodePlan = {
    p,
    episodeId,
    userId,
    therapistId: who.therapistId,
    phase,
    trajectory: rnd.weighted<Trajectory>({ improving: 50, flat: 30, worsening: 20 }),
    start: { 'phq-9': rnd.int(10, 22), 'gad-7': rnd.int(8, 18) },
    attendance: rnd.weighted({ 0.95: 60, 0.85: 30, 0.65: 10 }),
    messages: phase !== 'intake' && rnd.chance(0.8),
    agreementVersionId: null,
  };
  if (episode.messages) planAgreement(input, rnd, rows, episode, openedAt);
  planSessions(rnd, rows, episode, { firstAt, sessions, at });
}

type EpisodePlan = {
  p: string;
  episodeId: string;
  userId: string;
  therapistId: string;
  phase: Phase;
  trajectory: Trajectory;
  start: Record<'phq-9' | 'gad-7', number>;
  attendance: string;
  messages: boolean;
  agreementVersionId: string | null;
};

function planPhaseChanges(
  rnd: Random,
  rows: TableRows,
  e: {
    p: string;
    episodeId: string;
    therapistId: string;
    phase: Phase;
    openedAt: Date;
    firstAt: number;
    lastAt: number;
  },
): void {
  const reached = PHASES.slice(0, PHASES.indexOf(e.phase) + 1);
  const when: Record<Phase, number> = {
    intake: e.openedAt.getTime(),
    active: e.firstAt,
    ending: e.lastAt - 4 * WEEK,
    aftercare: e.lastAt + DAY,
    closed: e.lastAt + 2 * WEEK,
  };
  let from: Phase | null = null;
  for (const to of reached) {
    const id = rnd.uuid();
    const changedAt = new Date(Math.max(when[to], e.openedAt.getTime()));
    rows.episode_phase_changes.push([
      e.p,
      id,
      e.episodeId,
      from,
      to,
      e.therapistId,
      changedAt,
      { plaintext: `Moved to ${to} as agreed in session.`, purpose: phaseReasonPurpose(id) },
    ]);
    from = to;
  }
}

function planAgreement(
  input: PlanInput,
  rnd: Random,
  rows: TableRows,
  e: EpisodePlan,
  openedAt: Date,
): void {
  const agreementId = rnd.uuid();
  const versionId = rnd.uuid();
  const agreed = new Date(openedAt.getTime() + DAY);
  rows.agreements.push([e.p, agreementId, e.episodeId, 'contact-agreement', agreed]);
  rows.agreement_versions.push([
    e.p,
    versionId,
    agreementId,
    1,
    { plaintext: input.contactTerms, purpose: agreementContentPurpose(versionId) },
    e.therapistId,
    agreed,
  ]);
  rows.agreement_responses.push([e.p, versionId, 'therapist', 'accepted', e.therapistId, agreed]);
  rows.agreement_responses.push([
    e.p,
    versionId,
    'client',
    'accepted',
    e.userId,
    new Date(agreed.getTime() + DAY),
  ]);
  e.agreementVersionId = versionId;
}

function planSessions(
  rnd: Random,
  rows: TableRows,
  e: EpisodePlan,
  s: { firstAt: number; sessions: number; at: number },
): void {
  const upcoming =
    e.phase === 'active' ? 3 : e.phase === 'ending' ? 2 : e.phase === 'intake' ? 1 : 0;
  const attendance = Number(e.attendance);
  const scores: Record<string, number[]> = { 'phq-9': [], 'gad-7': [] };
  const openAlerts = e.phase === 'active' || e.phase === 'ending' || e.phase === 'intake';
  let attended = 0;
  let lastClientMessage: Row | null = null;
  for (let j = 0; j < s.sessions + upcoming; j++) {
    const startsAt = s.firstAt + j * WEEK;
    const id = rnd.uuid();
    const future = startsAt > s.at;
    const kind = j === 0 ? 'assessment' : 'treatment';
    const created = new Date(s.firstAt - WEEK);
    const ends = new Date(startsAt + 50 * 60_000);
    if (future) {
      rows.appointments.push([
        e.p,
        id,
        e.episodeId,
        e.therapistId,
        new Date(startsAt),
        ends,
        'scheduled',
        'in-person',
        kind,
        null,
        null,
        null,
        null,
        null,
        created,
      ]);
      continue;
    }
    const outcome = rnd.chance(attendance) ? 'attended' : rnd.chance(0.6) ? 'cancelled' : 'no-show';
    const changed = outcome === 'cancelled' ? new Date(startsAt - rnd.int(2, 72) * HOUR) : ends;
    rows.appointments.push([
      e.p,
      id,
      e.episodeId,
      e.therapistId,
      new Date(startsAt),
      ends,
      outcome,
      rnd.chance(0.3) ? 'video' : 'in-person',
      kind,
      outcome === 'cancelled' ? (rnd.chance(0.8) ? 'client' : 'therapist') : null,
      outcome === 'cancelled' ? changed : null,
      outcome === 'cancelled' ? startsAt - changed.getTime() < DAY : null,
      e.therapistId,
      changed,
      created,
    ]);
    if (outcome !== 'attended') continue;
    attended++;
    const noteId = rnd.uuid();
    const signed = new Date(startsAt + 2 * HOUR);
    rows.notes.push([
      e.p,
      noteId,
      e.episodeId,
      id,
      e.therapistId,
      'soap',
      'signed',
      {
        plaintext: JSON.stringify({
          templateVersion: 1,
          subjective: `Session ${attended}: talked about the week and what helped.`,
          objective: 'Engaged, on time, good eye contact.',
          assessment: 'Progress in line with the plan.',
          plan: 'Continue weekly.',
          planForNext: `Return to the theme of session ${attended}.`,
        }),
        purpose: notePurpose.body(noteId),
      },
      signed,
      signed,
      signed,
    ]);
    const progress = s.sessions > 1 ? j / (s.sessions - 1) : 0;
    for (const instrument of ['phq-9', 'gad-7'] as const) {
      const total = trajectoryScore(rnd, instrument, e.start[instrument], e.trajectory, progress);
      planResponse(rnd, rows, e, {
        instrument,
        total,
        appointmentId: id,
        startsAt,
        attended,
        scores,
        openAlerts,
      });
    }
    if (e.messages && e.agreementVersionId) {
      const sent = startsAt + rnd.int(20, 120) * HOUR;
      if (sent > s.at) continue;
      const clientId = rnd.uuid();
      const clientRow: Row = [
        e.p,
        clientId,
        e.episodeId,
        e.userId,
        'client',
        { plaintext: rnd.pick(CLIENT_LINES), purpose: messageBodyPurpose(clientId) },
        new Date(sent),
        1,
        false,
        new Date(sent + 3 * HOUR),
      ];
      rows.messages.push(clientRow);
      lastClientMessage = clientRow;
      const reply = sent + rnd.int(2, 20) * HOUR;
      if (reply > s.at) continue;
      const replyId = rnd.uuid();
      rows.messages.push([
        e.p,
        replyId,
        e.episodeId,
        e.therapistId,
        'therapist',
        { plaintext: rnd.pick(THERAPIST_LINES), purpose: messageBodyPurpose(replyId) },
        new Date(reply),
        1,
        false,
        new Date(reply + 5 * HOUR),
      ]);
      lastClientMessage = null;
    }
  }
  // Some clients wrote last and the therapist has not read it yet (the caseload's unread count).
  if (lastClientMessage && e.phase === 'active' && rnd.chance(0.6)) lastClientMessage[9] = null;
}

function planResponse(
  rnd: Random,
  rows: TableRows,
  e: EpisodePlan,
  r: {
    instrument: 'phq-9' | 'gad-7';
    total: number;
    appointmentId: string;
    startsAt: number;
    attended: number;
    scores: Record<string, number[]>;
    openAlerts: boolean;
  },
): void {
  const items = r.instrument === 'phq-9' ? 9 : 7;
  // Item 9 of the PHQ-9 (thoughts of self-harm) is positive now and then for a worsening client.
  const risk = r.instrument === 'phq-9' && e.trajectory === 'worsening' && rnd.chance(0.04);
  const answers = spread(
    rnd,
    risk ? r.total - 1 : r.total,
    items,
    r.instrument === 'phq-9' ? 8 : items,
  );
  if (risk) answers[8] = 1;
  const scored = scoreAnswers(r.instrument, answers);
  if (!scored.ok) throw new Error(`generated ${r.instrument} answers do not score`);
  const { itemScores: _items, ...stored } = scored.result;
  const id = rnd.uuid();
  const completed = new Date(r.startsAt - HOUR);
  rows.responses.push([
    e.p,
    id,
    e.episodeId,
    r.instrument,
    stored.version,
    r.appointmentId,
    { plaintext: JSON.stringify(answers), purpose: responseAnswersPurpose(id) },
    stored.total,
    stored.band ?? null,
    stored.flags as unknown as Record<string, unknown>,
    stored.subscales,
    stored.percentage ?? null,
    { resultVersion: 1, ...stored, sessionNumber: r.attended },
    completed,
    e.userId,
    false,
    completed,
  ]);
  const history = r.scores[r.instrument] ?? [];
  for (const alert of alertsFor(scored.result, history, r.instrument)) {
    const alertId = rnd.uuid();
    const acknowledged = !r.openAlerts || rnd.chance(0.7);
    rows.alerts.push([
      e.p,
      alertId,
      e.episodeId,
      id,
      alert.kind,
      alert.severity,
      alert.alert.rule,
      alert.alert.version,
      { plaintext: JSON.stringify(alert.alert.inputs), purpose: alertInputsPurpose(alertId) },
      alert.alert.source,
      completed,
      acknowledged ? new Date(completed.getTime() + 4 * HOUR) : null,
      acknowledged ? e.therapistId : null,
    ]);
  }
  history.push(stored.total);
  r.scores[r.instrument] = history;
}

/** `total` points spread over the first `over` of `items` answers (0–3 each). */
function spread(rnd: Random, total: number, items: number, over: number): number[] {
  const answers = new Array<number>(items).fill(0);
  let left = Math.max(0, Math.min(total, over * 3));
  while (left > 0) {
    const at = rnd.int(0, over - 1);
    if ((answers[at] ?? 0) < 3) {
      answers[at] = (answers[at] ?? 0) + 1;
      left--;
    }
  }
  return answers;
}
