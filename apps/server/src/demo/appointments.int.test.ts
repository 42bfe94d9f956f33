import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertEpisode } from '../testing/appointments-fixtures';
import { createHarness, type Harness } from '../testing/harness';
import { seedDemoAppointments } from './appointments';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

it("seeds Sam's weekly series with history: attended, one no-show, one late client cancellation", async () => {
  const { therapist, client } = h.cast;
  const episodeId = await insertEpisode(h, { clientId: client.clientId ?? '', therapist });
  const seeded = await seedDemoAppointments(h.services, {
    episodeId,
    therapist: { id: therapist.userId, practiceId: therapist.practiceId },
  });
  expect(seeded.sessions).toBe(24);
  const rows = await h.database.pool.query(
    `SELECT status, cancelled_by, late_cancellation, to_char(starts_at AT TIME ZONE 'Europe/London', 'Dy HH24:MI') AS local
     FROM appointments WHERE episode_id = $1 ORDER BY starts_at`,
    [episodeId],
  );
  expect(new Set(rows.rows.map((r) => r.local))).toEqual(new Set(['Tue 10:00']));
  const byStatus = (s: string) => rows.rows.filter((r) => r.status === s);
  expect(byStatus('no-show')).toHaveLength(1);
  expect(byStatus('cancelled')).toEqual([
    expect.objectContaining({ cancelled_by: 'client', late_cancellation: true }),
  ]);
  expect(byStatus('attended').length).toBeGreaterThanOrEqual(9);
  expect(byStatus('scheduled').length).toBeGreaterThanOrEqual(11);
});
