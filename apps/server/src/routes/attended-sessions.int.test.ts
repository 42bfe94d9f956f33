import { countAttendedSessions } from '@throughline/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshClient } from '../testing/episodes';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';
import { fixtures } from '../testing/read-model-fixtures';

/**
 * One "attended sessions" rule (issue 8, appointments/attendance.ts), pinned for one episode with
 * every kind of session, through each caller's meaning: outcome, questionnaire session number,
 * response session number, brief and caseload.
 */
let h: Harness;
let therapist: Caller;
const DAY = 86_400_000;
const now = Date.now();
const ago = (days: number): Date => new Date(now - days * DAY);
const s: Record<string, string> = {};
let episode = '';
const starts: Record<string, Date> = {
  a1: ago(42), // attended treatment
  a2: ago(35), // attended assessment
  cancelled: ago(28),
  a3: ago(21), // attended treatment
  noShow: ago(14),
  unmarked: ago(1), // started, not yet marked
  future: new Date(now + 3 * DAY),
};

beforeAll(async () => {
  h = await createHarness();
  const fx = fixtures(h.services, h.cast.therapist);
  const clientId = await freshClient(h.services, h.cast.therapist, 'Attendance Fixture');
  episode = await fx.episode({ ...h.cast.client, clientId });
  s.a1 = await fx.appointment(episode, starts.a1 as Date, 'attended');
  s.a2 = await fx.appointment(episode, starts.a2 as Date, 'attended', { kind: 'assessment' });
  s.cancelled = await fx.appointment(episode, starts.cancelled as Date, 'cancelled');
  s.a3 = await fx.appointment(episode, starts.a3 as Date, 'attended');
  s.noShow = await fx.appointment(episode, starts.noShow as Date, 'no-show');
  s.unmarked = await fx.appointment(episode, starts.unmarked as Date, 'scheduled');
  s.future = await fx.appointment(episode, starts.future as Date, 'scheduled');
  therapist = await signInAs(h.app, h.cast.therapist);
});
afterAll(async () => h?.close());

describe('the attended-sessions rule (appointments module)', () => {
  it('counts only attended sessions, by bound and kind', async () => {
    const q = { practiceId: h.cast.therapist.practiceId, episodeId: episode };
    const count = (bound: Parameters<typeof countAttendedSessions>[1]['bound'], kind = 'any') =>
      countAttendedSessions(h.services.db, { ...q, bound, kind: kind as 'any' | 'treatment' });
    expect(await count('all')).toBe(3);
    expect(await count('all', 'treatment')).toBe(2);
    expect(await count({ startedBefore: starts.a3 as Date })).toBe(2);
    expect(await count({ startedBy: starts.a3 as Date })).toBe(3);
    expect(await count({ startedBefore: starts.a2 as Date }, 'treatment')).toBe(1);
    expect(await count({ startedBefore: starts.future as Date })).toBe(3);
  });

  it('outcome: all attended sessions, and treatment sessions without the assessment', async () => {
    const r = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episode}/outcome`,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ attendedSessions: 3, attendedTreatmentSessions: 2 });
  });

  it('brief: the last attended session before the brief’s one, never that session itself', async () => {
    const next = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episode}/brief`,
    });
    expect(next.statusCode).toBe(200);
    expect(next.json().appointment.id).toBe(s.future);
    expect(next.json().lastSession.appointmentId).toBe(s.a3);
    const back = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episode}/brief?appointment=${s.a3}`,
    });
    expect(back.json().lastSession.appointmentId).toBe(s.a2);
  });

  it('caseload: last contact is the latest attended session, not a later no-show', async () => {
    const r = await therapist.request({ method: 'GET', url: '/api/v1/caseload' });
    const row = r.json().items.find((i: { episodeId: string }) => i.episodeId === episode);
    expect(row.lastContactAt).toBe((starts.a3 as Date).toISOString());
  });

  it('questionnaires for a session: its number is the attended sessions before it, plus one', async () => {
    const r = await therapist.request({
      method: 'POST',
      url: `/api/v1/appointments/${s.future}/measure-tasks`,
    });
    expect(r.statusCode, r.body).toBeLessThan(300);
    expect(r.json().sessionNumber).toBe(4);
  });

  it('a response for a session that has begun but is not yet marked gets that session’s number', async () => {
    // Before the one rule, this counted attended sessions up to completion (3): the number of the
    // session before, while the session's own questionnaires were numbered 4.
    const r = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episode}/responses`,
      payload: {
        instrument: 'phq-9',
        answers: [1, 1, 1, 1, 1, 1, 1, 1, 0],
        appointmentId: s.unmarked,
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().response.sessionNumber).toBe(4);
    // Not tied to a session: the sessions attended by its completion.
    const loose = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episode}/responses`,
      payload: {
        instrument: 'gad-7',
        answers: [1, 1, 1, 1, 1, 1, 1],
        completedAt: new Date((starts.a3 as Date).getTime() - 3_600_000).toISOString(),
      },
    });
    expect(loose.statusCode, loose.body).toBe(201);
    expect(loose.json().response.sessionNumber).toBe(2);
  });
});
