import { randomUUID } from 'node:crypto';
import { sendAppointmentReminder } from '@throughline/domain';
import { appointments } from '@throughline/domain/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEpisode } from '../testing/appointments-fixtures';
import { type Caller, createHarness, type Harness, PASSWORD, signInAs } from '../testing/harness';

/**
 * The one client e-mail rule (notifications/client-mail-policy.ts) as every sender applies it:
 * appointment reminders, questionnaire invitations and security notices.
 */
let h: Harness;
let therapist: Caller;
let client: Caller;
let episodeId = '';
let password = PASSWORD;

beforeAll(async () => {
  h = await createHarness();
  episodeId = await insertEpisode(h, {
    clientId: h.cast.client.clientId ?? '',
    therapist: h.cast.therapist,
  });
  therapist = await signInAs(h.app, h.cast.therapist);
  client = await signInAs(h.app, h.cast.client);
});
afterAll(async () => h?.close());

async function prefs(mayEmail: boolean, remindersEnabled: boolean, details: boolean) {
  await h.services.db.execute(sql`UPDATE clients SET may_email = ${mayEmail},
    reminders_enabled = ${remindersEnabled}, email_may_include_details = ${details}
    WHERE id = ${h.cast.client.clientId}`);
}

async function mail(): Promise<{ kind: string; subject: string; text_body: string }[]> {
  const r = await h.database.pool.query(
    `SELECT kind, subject, text_body FROM outbox_messages
     WHERE to_address = $1 AND kind <> 'invitation' ORDER BY created_at`,
    [h.cast.client.email],
  );
  return r.rows;
}

/** A future session; its reminder runs, its questionnaires are sent and the password changes. */
async function everySender(): Promise<{ reminder: string; emailed: boolean }> {
  const id = randomUUID();
  const startsAt = new Date(Date.now() + (1 + Math.random()) * 86_400_000);
  await h.services.db.insert(appointments).values({
    id,
    practiceId: h.cast.therapist.practiceId,
    episodeId,
    therapistId: h.cast.therapist.userId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 50 * 60_000),
  });
  const reminder = await sendAppointmentReminder(h.services, {
    practiceId: h.cast.therapist.practiceId,
    appointmentId: id,
    startsAt: startsAt.toISOString(),
  });
  const tasks = await therapist.request({
    method: 'POST',
    url: `/api/v1/appointments/${id}/measure-tasks`,
  });
  expect(tasks.statusCode, tasks.body).toBe(200);
  expect(tasks.json().created).toBeGreaterThan(0);
  const next = `${PASSWORD} ${randomUUID().slice(0, 8)}`;
  const changed = await client.request({
    method: 'POST',
    url: '/api/v1/me/password',
    payload: { currentPassword: password, newPassword: next },
  });
  expect(changed.statusCode, changed.body).toBe(200);
  password = next;
  return { reminder, emailed: tasks.json().emailed };
}

describe('the client e-mail rule, applied by every sender', () => {
  it('e-mail off: no reminder, no questionnaire invitation, no security notice', async () => {
    await prefs(false, true, true);
    const before = (await mail()).length;
    expect(await everySender()).toEqual({ reminder: 'skipped-preferences', emailed: false });
    expect((await mail()).length).toBe(before);
  });

  it('reminders off: neither a reminder nor a questionnaire invitation, but the security notice', async () => {
    await prefs(true, false, true);
    const before = (await mail()).length;
    expect(await everySender()).toEqual({ reminder: 'skipped-preferences', emailed: false });
    expect((await mail()).slice(before).map((m) => m.kind)).toEqual(['security-notice']);
  });

  it('details off: every mail is sent, none with a date, time or questionnaire', async () => {
    await prefs(true, true, false);
    const before = (await mail()).length;
    expect(await everySender()).toEqual({ reminder: 'sent', emailed: true });
    const sent = (await mail()).slice(before);
    expect(sent.map((m) => m.kind).sort()).toEqual([
      'questionnaire',
      'reminder',
      'security-notice',
    ]);
    for (const m of sent) {
      const all = `${m.subject}\n${m.text_body}`;
      expect(all).not.toMatch(
        /\d{1,2}:\d{2}|\b20\d\d\b|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday/,
      );
      expect(all).not.toMatch(/phq|gad|questionnaire/i);
    }
  });
});
