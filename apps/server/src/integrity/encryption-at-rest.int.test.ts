import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@throughline/db/testing';
import {
  changeEpisodePhase,
  createAppointments,
  createEpisode,
  createNote,
  getClient,
  getEpisode,
  inviteClient,
  Keyring,
  listEpisodeAlerts,
  listEpisodeAppointments,
  listHomework,
  readAttachment,
  recordResponse,
  signNote,
  uploadAttachment,
} from '@throughline/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_CLIENTS, seedDemo } from '../demo/seed';
import { actingAs } from '../operator';
import { scanEncryptedColumns } from '../testing/encrypted-columns';
import { createHarness, createServicesForTest, type Harness } from '../testing/harness';
import { SAMPLE_MP3 } from '../testing/multipart';

// The harness builds the cast through the real use-cases (staff created with TOTP secrets).
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

type UserRow = { id: string; practice_id: string; totp_secret: string | null; row_text: string };

async function rawUser(userId: string): Promise<UserRow> {
  const result = await h.database.pool.query<UserRow>(
    'SELECT u.*, u::text AS row_text FROM users u WHERE u.id = $1',
    [userId],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`no user ${userId}`);
  return row;
}

/** The forms a leaked secret could take in a column: as typed, and its raw bytes re-encoded. */
function formsOf(base32: string): string[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32.replace(/=+$/, ''))
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = Buffer.from(bits.match(/.{8}/g)?.map((b) => Number.parseInt(b, 2)) ?? []);
  return [base32, base32.toLowerCase(), bytes.toString('hex'), bytes.toString('base64')];
}

describe('encryption at rest', () => {
  it("stores no staff member's TOTP secret in the clear, in any column", async () => {
    const staff = [h.cast.admin, h.cast.therapist, h.cast.supervisor, h.cast.otherPracticeAdmin];
    for (const person of staff) {
      const secret = person.totpSecret;
      expect(secret, person.key).toBeTruthy();
      const row = await rawUser(person.userId);
      expect(row.totp_secret, person.key).toMatch(/^v1\.[\w-]+$/);
      for (const form of formsOf(secret as string)) {
        expect(row.row_text, `${person.key} row`).not.toContain(form);
        for (const [column, value] of Object.entries(row)) {
          if (typeof value === 'string') {
            expect(value, `${person.key}.${column}`).not.toContain(form);
          }
        }
      }
    }
  });

  it('gives the secret back through the Keyring, bound to its own user', async () => {
    const { therapist, otherTherapist } = h.cast;
    const row = await rawUser(therapist.userId);
    const sealed = row.totp_secret as string;
    const { db, keyring } = h.services;
    expect(
      await keyring.decrypt(db, therapist.practiceId, sealed, `totp:${therapist.userId}`),
    ).toBe(therapist.totpSecret);
    // A new process with the same master key (no cached data keys) reads it too.
    const restarted = new Keyring(keyring.masterKey);
    expect(
      await restarted.decrypt(db, therapist.practiceId, sealed, `totp:${therapist.userId}`),
    ).toBe(therapist.totpSecret);
    // Copied into a colleague's row, or read with another practice's key, it does not open.
    await expect(
      keyring.decrypt(db, therapist.practiceId, sealed, `totp:${otherTherapist.userId}`),
    ).rejects.toThrow();
    await expect(
      keyring.decrypt(
        db,
        h.cast.otherPracticeTherapist.practiceId,
        sealed,
        `totp:${therapist.userId}`,
      ),
    ).rejects.toThrow();
  });

  it('cannot read anything with a different master key', async () => {
    const row = await rawUser(h.cast.therapist.userId);
    const stranger = new Keyring(randomBytes(32));
    await expect(
      stranger.decrypt(
        h.services.db,
        h.cast.therapist.practiceId,
        row.totp_secret as string,
        `totp:${h.cast.therapist.userId}`,
      ),
    ).rejects.toThrow();
  });

  it("stores each practice's data key only wrapped", async () => {
    const { db, keyring } = h.services;
    const practiceIds = [h.cast.admin.practiceId, h.cast.otherPracticeAdmin.practiceId];
    const keys: Buffer[] = [];
    for (const practiceId of practiceIds) {
      const dataKey = await keyring.dataKey(db, practiceId);
      expect(dataKey.length).toBe(32);
      keys.push(dataKey);
      const result = await h.database.pool.query<{ wrapped_data_key: string; row_text: string }>(
        'SELECT p.wrapped_data_key, p::text AS row_text FROM practices p WHERE p.id = $1',
        [practiceId],
      );
      const row = result.rows[0];
      expect(row?.wrapped_data_key).toMatch(/^v1\./);
      for (const form of ['hex', 'base64', 'base64url'] as const) {
        expect(row?.row_text).not.toContain(dataKey.toString(form));
      }
      // Nor is the master key anywhere in the row.
      expect(row?.row_text).not.toContain(keyring.masterKey.toString('hex'));
      expect(row?.row_text).not.toContain(keyring.masterKey.toString('base64'));
    }
    expect(keys[0]?.equals(keys[1] as Buffer)).toBe(false);
  });

  it('keeps no clear TOTP secret anywhere in the database dump of the users table', async () => {
    const dump = await h.database.pool.query<{ t: string }>(
      "SELECT string_agg(u::text, E'\\n') AS t FROM users u",
    );
    const text = dump.rows[0]?.t ?? '';
    expect(text.length).toBeGreaterThan(0);
    for (const person of Object.values(h.cast)) {
      if (person.totpSecret) expect(text).not.toContain(person.totpSecret);
    }
  });
});

// Issue 7 item 7: the columns that were plaintext before it.
const NEWLY_ENCRYPTED = [
  'alerts.inputs',
  'appointments.location',
  'attachments.file_name',
  'clients.date_of_birth',
  'clients.emergency_contact_name',
  'clients.emergency_contact_phone',
  'clients.emergency_contact_relationship',
  'clients.phone',
  'episode_phase_changes.reason',
  'episodes.title',
  'clients.pronouns',
  'homework.link',
];

const RISK_ITEM_TEXT = 'Thoughts that you would be better off dead';

describe('columns labelled encrypted, written through the use-cases', () => {
  it('hold only sealed values, none with the marked plaintext, and read back through the views', async () => {
    const { therapist } = h.cast;
    const ctx = actingAs(h.services, {
      id: therapist.userId,
      practiceId: therapist.practiceId,
      role: 'therapist',
    });
    const client = await inviteClient(ctx, {
      displayName: 'Marked Client',
      email: 'marked-client@example.test',
      invite: false,
      dateOfBirth: '1987-06-05',
      pronouns: 'MARK-PRONOUNS',
      phone: 'MARK-PHONE-7700',
      emergencyContact: {
        name: 'MARK-EC-NAME',
        phone: 'MARK-EC-PHONE',
        relationship: 'MARK-EC-RELATIONSHIP',
      },
    });
    const episode = await createEpisode(ctx, {
      clientId: client.id,
      title: 'MARK-EPISODE-TITLE',
      reason: 'MARK-INTAKE-REASON',
    });
    await changeEpisodePhase(ctx, episode.id, { to: 'active', reason: 'MARK-ACTIVE-REASON' });
    await createAppointments(ctx, {
      episodeId: episode.id,
      start: '2031-03-03T10:00',
      timeZone: 'Europe/London',
      durationMinutes: 50,
      location: 'MARK-LOCATION 12 Home Street',
    });
    const attachment = await uploadAttachment(ctx, {
      episodeId: episode.id,
      fileName: 'MARK-FILE letter to my father.mp3',
      declaredType: 'audio/mpeg',
      bytes: SAMPLE_MP3,
    });
    const note = await createNote(ctx, {
      episodeId: episode.id,
      template: 'soap',
      body: {
        subjective: 'S',
        objective: 'O',
        assessment: 'A',
        plan: 'P',
        planForNext: 'N',
        homework: [
          {
            title: 'Playlist',
            instructions: 'Listen before bed.',
            link: 'https://example.test/MARK-LINK-coping-with-grief',
          },
        ],
      },
    });
    await signNote(ctx, note.id, { version: note.version });
    const recorded = await recordResponse(ctx, {
      episodeId: episode.id,
      instrument: 'phq-9',
      answers: [1, 1, 1, 1, 1, 1, 1, 1, 2],
    });
    expect(recorded.alerts.map((a) => a.kind)).toContain('risk-item');

    const markers = [
      'MARK-',
      '1987-06-05',
      RISK_ITEM_TEXT,
      '"answer"',
      'Home Street',
      'letter to my father',
    ];
    const scan = await scanEncryptedColumns(h.database.pool, markers);
    expect(scan.problems).toEqual([]);
    for (const column of NEWLY_ENCRYPTED)
      expect(scan.counts.get(column), column).toBeGreaterThan(0);
    // Nor anywhere else in those rows (a copy in another column would be a leak too).
    for (const table of [
      'homework',
      'clients',
      'episodes',
      'episode_phase_changes',
      'appointments',
      'attachments',
      'alerts',
    ]) {
      const dump = await h.database.pool.query<{ t: string }>(
        `SELECT coalesce(string_agg(x::text, E'\\n'), '') AS t FROM "${table}" x`,
      );
      for (const marker of markers)
        expect(dump.rows[0]?.t, `${table} ${marker}`).not.toContain(marker);
    }

    // Every view still reads the values as written.
    expect(await getClient(ctx, client.id)).toMatchObject({
      dateOfBirth: '1987-06-05',
      pronouns: 'MARK-PRONOUNS',
      phone: 'MARK-PHONE-7700',
      emergencyContact: {
        name: 'MARK-EC-NAME',
        phone: 'MARK-EC-PHONE',
        relationship: 'MARK-EC-RELATIONSHIP',
      },
    });
    const detail = await getEpisode(ctx, episode.id);
    expect(detail.title).toBe('MARK-EPISODE-TITLE');
    expect(detail.phaseHistory.map((p) => p.reason)).toEqual(
      expect.arrayContaining(['MARK-INTAKE-REASON', 'MARK-ACTIVE-REASON']),
    );
    const sessions = await listEpisodeAppointments(ctx, { episodeId: episode.id });
    expect(sessions.map((s) => s.location)).toEqual(['MARK-LOCATION 12 Home Street']);
    expect((await readAttachment(ctx, attachment.id)).fileName).toBe(
      'MARK-FILE letter to my father.mp3',
    );
    const [set] = await listHomework(ctx, episode.id);
    expect(set?.link).toBe('https://example.test/MARK-LINK-coping-with-grief');
    const [alert] = await listEpisodeAlerts(ctx, episode.id);
    expect(alert?.inputs).toMatchObject({ instrument: 'phq-9', item: 9, answer: 2 });
    expect(String(alert?.inputs.text)).toContain(RISK_ITEM_TEXT);
    expect(alert?.explanation).toContain('item 9 was answered 2');
  });
});

describe('columns labelled encrypted, after the demo seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject('database'));
    await seedDemo(await createServicesForTest(database));
  });
  afterAll(async () => database?.drop());

  it('hold only sealed values, none with the demo plaintext', async () => {
    const demoValues = DEMO_CLIENTS.flatMap((c) => [
      c.details.phone,
      c.details.dateOfBirth,
      c.details.emergencyContact?.name,
      c.details.emergencyContact?.phone,
    ]).filter((v): v is string => typeof v === 'string' && v.length > 0);
    expect(demoValues.length).toBeGreaterThan(3);
    const markers = [
      ...demoValues,
      'Self-referred',
      'Planned ending',
      'Music room',
      'Room 2',
      RISK_ITEM_TEXT,
    ];
    const scan = await scanEncryptedColumns(database.pool, markers);
    expect(scan.problems).toEqual([]);
    // The demo uploads no file and sets no homework link.
    const unused = ['attachments.file_name', 'homework.link'];
    for (const column of NEWLY_ENCRYPTED.filter((c) => !unused.includes(c)))
      expect(scan.counts.get(column), column).toBeGreaterThan(0);
  });
});
