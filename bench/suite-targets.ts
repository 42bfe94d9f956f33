// What the suite measures on a practice: which episodes and callers, and one request per target.
import { issueApiTokenForEmail, type Services } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { operatorContext } from '../apps/server/src/operator';
import type { Request } from './measure';
import { SYNTHETIC_PASSWORD } from './practice/sizes';
import { signInForBench } from './sign-in';

export const TARGETS = [
  'bare-read',
  'bare-insert',
  'health',
  'me',
  'brief-short',
  'brief-long',
  'caseload',
  'timeline',
  'responses',
  'messages',
] as const;
export type Target = (typeof TARGETS)[number];

/** The baseline each target is compared with: writes with the bare insert, reads with the read. */
export const BASELINE_OF: Record<Target, 'bare-read' | 'bare-insert'> = {
  'bare-read': 'bare-read',
  'bare-insert': 'bare-insert',
  health: 'bare-read',
  me: 'bare-read',
  'brief-short': 'bare-read',
  'brief-long': 'bare-read',
  caseload: 'bare-read',
  timeline: 'bare-read',
  responses: 'bare-insert',
  messages: 'bare-insert',
};

export const ENDPOINT: Record<Target, string> = {
  'bare-read': 'bare Fastify + pg: one primary-key read',
  'bare-insert': 'bare Fastify + pg: one insert',
  health: 'GET /api/health',
  me: 'GET /api/v1/me (bearer)',
  'brief-short': 'GET /api/v1/episodes/{id}/brief, ~12 attended sessions (bearer)',
  'brief-long': 'GET /api/v1/episodes/{id}/brief, the longest episode (bearer)',
  caseload: 'GET /api/v1/caseload (bearer)',
  timeline: 'GET /api/v1/clients/{id}/timeline (bearer)',
  responses: 'POST /api/v1/episodes/{id}/responses, PHQ-9 (clients, session cookies)',
  messages: 'POST /api/v1/episodes/{id}/messages (clients, session cookies)',
};

export type Subjects = {
  practiceId: string;
  therapistEmail: string;
  shortEpisode: { id: string; clientId: string; attended: number };
  longEpisode: { id: string; attended: number };
  clientIds: string[];
  /** Active episodes of the therapist whose clients can sign in, with a contact agreement. */
  writers: { episodeId: string; email: string }[];
  openEpisodes: number;
};

/**
 * Picks the subjects from the practice: its longest active episode (the long brief), the active
 * episode of the same therapist whose attended count is nearest 12 (the short brief), and that
 * therapist's clients in active episodes with a contact agreement (the writers).
 */
export async function findSubjects(services: Services): Promise<Subjects> {
  const { db } = services;
  const episodes = await db.execute<{
    id: string;
    client_id: string;
    therapist_id: string;
    practice_id: string;
    attended: number;
  }>(sql`
    SELECT e.id, e.client_id, e.therapist_id, e.practice_id, count(a.id)::int AS attended
    FROM episodes e JOIN appointments a
      ON a.practice_id = e.practice_id AND a.episode_id = e.id AND a.status = 'attended'
    WHERE e.phase = 'active'
      AND EXISTS (SELECT 1 FROM appointments s WHERE s.practice_id = e.practice_id
        AND s.episode_id = e.id AND s.status = 'scheduled' AND s.starts_at > now())
    GROUP BY e.id, e.client_id, e.therapist_id, e.practice_id`);
  const rows = episodes.rows;
  // One therapist for every target (one bearer token): the one with the longest episode.
  const long = [...rows].sort((a, b) => b.attended - a.attended || a.id.localeCompare(b.id))[0];
  const short = rows
    .filter((r) => r.therapist_id === long?.therapist_id)
    .sort(
      (a, b) => Math.abs(a.attended - 12) - Math.abs(b.attended - 12) || a.id.localeCompare(b.id),
    )[0];
  if (!short || !long) throw new Error('The practice has no active episode with sessions.');
  const therapist = await db.execute<{ email: string }>(
    sql`SELECT email FROM users WHERE id = ${short.therapist_id}`,
  );
  const writers = await db.execute<{ episode_id: string; email: string }>(sql`
    SELECT e.id AS episode_id, u.email FROM episodes e
    JOIN clients c ON c.practice_id = e.practice_id AND c.id = e.client_id
    JOIN users u ON u.practice_id = c.practice_id AND u.id = c.user_id
    JOIN agreements g ON g.practice_id = e.practice_id AND g.episode_id = e.id
      AND g.kind = 'contact-agreement'
    WHERE e.practice_id = ${short.practice_id} AND e.therapist_id = ${short.therapist_id}
      AND e.phase = 'active' AND u.password_hash IS NOT NULL
    ORDER BY e.id LIMIT 40`);
  const open = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM episodes
    WHERE therapist_id = ${short.therapist_id} AND phase <> 'closed'`);
  return {
    practiceId: short.practice_id,
    therapistEmail: therapist.rows[0]?.email ?? '',
    shortEpisode: { id: short.id, clientId: short.client_id, attended: short.attended },
    longEpisode: { id: long.id, attended: long.attended },
    clientIds: rows.filter((r) => r.therapist_id === short.therapist_id).map((r) => r.client_id),
    writers: writers.rows.map((w) => ({ episodeId: w.episode_id, email: w.email })),
    openEpisodes: open.rows[0]?.n ?? 0,
  };
}

function phq9(): string {
  const answers = Array.from({ length: 9 }, () => Math.floor(Math.random() * 3));
  answers[8] = 0;
  return JSON.stringify({ instrument: 'phq-9', answers });
}

/** The request generator of each target, with its callers signed in. */
export async function requestsFor(
  services: Services,
  subjects: Subjects,
  appBase: string,
  wanted: readonly Target[],
): Promise<Partial<Record<Target, () => Request>>> {
  const { token } = await issueApiTokenForEmail(operatorContext(services), {
    email: subjects.therapistEmail,
    name: 'bench',
    expiresInDays: 1,
  });
  const bearer = { authorization: `Bearer ${token}` };
  const writers: { episodeId: string; headers: Record<string, string> }[] = [];
  if (wanted.includes('responses') || wanted.includes('messages'))
    for (const w of subjects.writers)
      writers.push({
        episodeId: w.episodeId,
        headers: await signInForBench(appBase, w.email, SYNTHETIC_PASSWORD),
      });
  let turn = 0;
  const writer = () => {
    const w = writers[turn++ % writers.length];
    if (!w) throw new Error('no client could sign in to write');
    return w;
  };
  const clientIds = subjects.clientIds;
  return {
    'bare-read': () => ({
      method: 'GET',
      path: `/read/${clientIds[turn++ % clientIds.length]}`,
    }),
    'bare-insert': () => ({
      method: 'POST',
      path: '/insert',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: `A line of about the length of a message (${turn++}).` }),
    }),
    health: () => ({ method: 'GET', path: '/api/health' }),
    me: () => ({ method: 'GET', path: '/api/v1/me', headers: bearer }),
    'brief-short': () => ({
      method: 'GET',
      path: `/api/v1/episodes/${subjects.shortEpisode.id}/brief`,
      headers: bearer,
    }),
    'brief-long': () => ({
      method: 'GET',
      path: `/api/v1/episodes/${subjects.longEpisode.id}/brief`,
      headers: bearer,
    }),
    caseload: () => ({ method: 'GET', path: '/api/v1/caseload', headers: bearer }),
    timeline: () => ({
      method: 'GET',
      path: `/api/v1/clients/${clientIds[turn++ % clientIds.length]}/timeline`,
      headers: bearer,
    }),
    responses: () => {
      const w = writer();
      return {
        method: 'POST',
        path: `/api/v1/episodes/${w.episodeId}/responses`,
        headers: { ...w.headers },
        body: phq9(),
      };
    },
    messages: () => {
      const w = writer();
      return {
        method: 'POST',
        path: `/api/v1/episodes/${w.episodeId}/messages`,
        headers: { ...w.headers },
        body: JSON.stringify({ body: `Running ten minutes late, sorry (${turn}).` }),
      };
    },
  };
}
