import { randomUUID } from 'node:crypto';
import { NEUTRAL_REMINDER, sendAppointmentReminder } from '@throughline/domain';
import { appointments } from '@throughline/domain/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEpisode, setClientZone } from '../testing/appointments-fixtures';
import { createHarness, type Harness } from '../testing/harness';

let h: Harness;
let episodeId = '';
const startsAt = new Date('2026-03-03T09:00:00Z');

beforeAll(async () => {
  h = await createHarness();
  h.services.now = () => new Date('2026-03-02T09:00:00Z');
  episodeId = await insertEpisode(h, {
    clientId: h.cast.client.clientId ?? '',
    therapist: h.cast.therapist,
    title: 'SECRET-EPISODE',
  });
  await setClientZone(h, h.cast.client.clientId ?? '', 'America/New_York');
});
afterAll(async () => h?.close());

async function appointment(status: 'scheduled' | 'cancelled' = 'scheduled'): Promise<string> {
  const id = randomUUID();
  await h.services.db.insert(appointments).values({
    id,
    practiceId: h.cast.therapist.practiceId,
    episodeId,
    therapistId: h.cast.therapist.userId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 50 * 60_000),
    status,
  });
  return id;
}

async function prefs(
  mayEmail: boolean,
  remindersEnabled: boolean,
  details: boolean,
): Promise<void> {
  await h.services.db.execute(sql`UPDATE clients SET may_email = ${mayEmail},
    reminders_enabled = ${remindersEnabled}, email_may_include_details = ${details}
    WHERE id = ${h.cast.client.clientId}`);
}

async function outboxFor(): Promise<{ subject: string; text_body: string }[]> {
  const r = await h.database.pool.query(
    `SELECT subject, text_body FROM outbox_messages WHERE to_address = $1 AND subject NOT ILIKE '%invit%' ORDER BY created_at`,
    [h.cast.client.email],
  );
  return r.rows;
}

const job = (appointmentId: string, at = startsAt) => ({
  practiceId: h.cast.therapist.practiceId,
  appointmentId,
  startsAt: at.toISOString(),
});

describe('appointment reminder handler', () => {
  it.each([
    [false, true, true],
    [false, false, false],
    [true, false, true],
    [true, false, false],
  ])(
    'sends nothing when mayEmail=%s remindersEnabled=%s (details=%s)',
    async (may, reminders, details) => {
      await prefs(may, reminders, details);
      const before = (await outboxFor()).length;
      expect(await sendAppointmentReminder(h.services, job(await appointment()))).toBe(
        'skipped-preferences',
      );
      expect((await outboxFor()).length).toBe(before);
    },
  );

  it('sends only the neutral text and the portal link when details are not allowed', async () => {
    await prefs(true, true, false);
    expect(await sendAppointmentReminder(h.services, job(await appointment()))).toBe('sent');
    const mail = (await outboxFor()).at(-1);
    expect(mail?.text_body).toBe(`${NEUTRAL_REMINDER}\n\nhttp://localhost:3000/\n`);
    expect(mail?.subject).not.toMatch(/\d/);
  });

  it("gives the date and time in the client's zone when details are allowed, never clinical content", async () => {
    await prefs(true, true, true);
    expect(await sendAppointmentReminder(h.services, job(await appointment()))).toBe('sent');
    const mail = (await outboxFor()).at(-1);
    expect(mail?.text_body).toContain('Tuesday 3 March 2026 at 04:00 (New York time)');
    expect(JSON.stringify(mail)).not.toContain('SECRET-EPISODE');
  });

  it('sends nothing for a cancelled or moved session', async () => {
    await prefs(true, true, true);
    const before = (await outboxFor()).length;
    expect(await sendAppointmentReminder(h.services, job(await appointment('cancelled')))).toBe(
      'skipped-stale',
    );
    expect(
      await sendAppointmentReminder(
        h.services,
        job(await appointment(), new Date('2026-03-04T09:00:00Z')),
      ),
    ).toBe('skipped-stale');
    expect((await outboxFor()).length).toBe(before);
  });
});
