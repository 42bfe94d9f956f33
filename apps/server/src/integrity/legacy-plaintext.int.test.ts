import { tmpdir } from 'node:os';
import {
  changeEpisodePhase,
  createAppointments,
  createEpisode,
  createNote,
  encryptLegacyPlaintext,
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../operator';
import { openRuntime } from '../services';
import { scanEncryptedColumns } from '../testing/encrypted-columns';
import { createHarness, type Harness } from '../testing/harness';
import { SAMPLE_MP3 } from '../testing/multipart';

/**
 * Databases from versions before issue 7 hold plaintext in the columns it encrypts. This builds
 * such rows (written through the use-cases, then set back to the plaintext an old version wrote,
 * in the column types after migration 0005) and checks the start-up step that seals them.
 */
let h: Harness;
let ids: { client: string; episode: string; attachment: string };
const ctx = () =>
  actingAs(h.services, {
    id: h.cast.therapist.userId,
    practiceId: h.cast.therapist.practiceId,
    role: 'therapist',
  });

const OLD = {
  phone: 'OLD-PHONE +44 7700 900999',
  dateOfBirth: '1979-11-30',
  contact: { name: 'OLD-EC-NAME', phone: 'OLD-EC-PHONE', relationship: 'OLD-EC-REL' },
  title: 'OLD-TITLE Music therapy, 2024',
  reason: 'OLD-REASON referred by their GP',
  location: 'OLD-LOCATION 4 Garden Row',
  fileName: 'OLD-FILE lyrics.mp3',
  link: 'https://example.test/OLD-LINK',
  inputs: { instrument: 'phq-9', item: 9, text: 'OLD-ITEM-TEXT', answer: 3 },
};

async function writeLegacyPlaintext(): Promise<void> {
  const q = (text: string, values: unknown[]) => h.database.pool.query(text, values);
  await q(
    `UPDATE clients SET phone = $2, date_of_birth = $3, emergency_contact_name = $4,
       emergency_contact_phone = $5, emergency_contact_relationship = $6, pronouns = 'OLD-PRONOUNS'
     WHERE id = $1`,
    [
      ids.client,
      OLD.phone,
      OLD.dateOfBirth,
      OLD.contact.name,
      OLD.contact.phone,
      OLD.contact.relationship,
    ],
  );
  await q('UPDATE episodes SET title = $2 WHERE id = $1', [ids.episode, OLD.title]);
  await q('UPDATE homework SET link = $2 WHERE episode_id = $1', [ids.episode, OLD.link]);
  await q('UPDATE episode_phase_changes SET reason = $2 WHERE episode_id = $1', [
    ids.episode,
    OLD.reason,
  ]);
  await q('UPDATE appointments SET location = $2 WHERE episode_id = $1', [
    ids.episode,
    OLD.location,
  ]);
  await q('UPDATE attachments SET file_name = $2 WHERE id = $1', [ids.attachment, OLD.fileName]);
  // What `jsonb → text` (migration 0005) leaves of an old alert's inputs.
  await q(`UPDATE alerts SET inputs = ($2::jsonb)::text WHERE episode_id = $1`, [
    ids.episode,
    JSON.stringify(OLD.inputs),
  ]);
}

async function rawValues(): Promise<string> {
  const r = await h.database.pool.query<{ t: string }>(
    `SELECT concat_ws('|', (SELECT c::text FROM clients c WHERE id = $1),
       (SELECT string_agg(x::text, '|' ORDER BY id) FROM episodes x WHERE id = $2),
       (SELECT string_agg(x::text, '|' ORDER BY id) FROM episode_phase_changes x WHERE episode_id = $2),
       (SELECT string_agg(x::text, '|' ORDER BY id) FROM appointments x WHERE episode_id = $2),
       (SELECT string_agg(x::text, '|' ORDER BY id) FROM attachments x WHERE episode_id = $2),
       (SELECT string_agg(x::text, '|' ORDER BY id) FROM homework x WHERE episode_id = $2),
       (SELECT string_agg(x::text, '|' ORDER BY id) FROM alerts x WHERE episode_id = $2)) AS t`,
    [ids.client, ids.episode],
  );
  return r.rows[0]?.t ?? '';
}

beforeAll(async () => {
  h = await createHarness();
  const client = await inviteClient(ctx(), {
    displayName: 'Returning Client',
    email: 'returning-client@example.test',
    invite: false,
    phone: 'new',
    dateOfBirth: '1980-01-01',
    emergencyContact: { name: 'n', phone: 'p', relationship: 'r' },
  });
  const episode = await createEpisode(ctx(), { clientId: client.id, title: 't', reason: 'r' });
  await changeEpisodePhase(ctx(), episode.id, { to: 'active', reason: 'r2' });
  await createAppointments(ctx(), {
    episodeId: episode.id,
    start: '2031-05-05T09:00',
    timeZone: 'Europe/London',
    durationMinutes: 50,
    location: 'l',
  });
  const attachment = await uploadAttachment(ctx(), {
    episodeId: episode.id,
    fileName: 'f.mp3',
    declaredType: 'audio/mpeg',
    bytes: SAMPLE_MP3,
  });
  const note = await createNote(ctx(), {
    episodeId: episode.id,
    template: 'soap',
    body: {
      subjective: 'S',
      objective: 'O',
      assessment: 'A',
      plan: 'P',
      planForNext: 'N',
      homework: [{ title: 'h', instructions: 'i', link: 'https://example.test/new' }],
    },
  });
  await signNote(ctx(), note.id, { version: note.version });
  await recordResponse(ctx(), {
    episodeId: episode.id,
    instrument: 'phq-9',
    answers: [1, 1, 1, 1, 1, 1, 1, 1, 1],
  });
  ids = { client: client.id, episode: episode.id, attachment: attachment.id };
});
afterAll(async () => h?.close());

describe('encrypting plaintext left by earlier versions', () => {
  it('seals every legacy plaintext value, and the views read the old values back', async () => {
    await writeLegacyPlaintext();
    expect((await scanEncryptedColumns(h.database.pool, [])).problems.length).toBeGreaterThan(0);

    const counts = await encryptLegacyPlaintext(h.services.db, h.services.keyring);
    expect(counts).toMatchObject({
      'clients.phone': 1,
      'clients.pronouns': 1,
      'clients.date_of_birth': 1,
      'clients.emergency_contact_name': 1,
      'clients.emergency_contact_phone': 1,
      'clients.emergency_contact_relationship': 1,
      'episodes.title': 1,
      'episode_phase_changes.reason': 2,
      'appointments.location': 1,
      'attachments.file_name': 1,
      'homework.link': 1,
      'alerts.inputs': 1,
    });
    const scan = await scanEncryptedColumns(h.database.pool, ['OLD-', OLD.dateOfBirth]);
    expect(scan.problems).toEqual([]);

    // A new process (no cached keys) reads them through the use-cases.
    const fresh = { ...h.services, keyring: new Keyring(h.services.keyring.masterKey) };
    const as = actingAs(fresh, {
      id: h.cast.therapist.userId,
      practiceId: h.cast.therapist.practiceId,
      role: 'therapist',
    });
    expect(await getClient(as, ids.client)).toMatchObject({
      phone: OLD.phone,
      pronouns: 'OLD-PRONOUNS',
      dateOfBirth: OLD.dateOfBirth,
      emergencyContact: OLD.contact,
    });
    const detail = await getEpisode(as, ids.episode);
    expect(detail.title).toBe(OLD.title);
    expect(detail.phaseHistory.map((p) => p.reason)).toEqual([OLD.reason, OLD.reason]);
    const [session] = await listEpisodeAppointments(as, { episodeId: ids.episode });
    expect(session?.location).toBe(OLD.location);
    expect((await readAttachment(as, ids.attachment)).fileName).toBe(OLD.fileName);
    const [set] = await listHomework(as, ids.episode);
    expect(set?.link).toBe(OLD.link);
    const [alert] = await listEpisodeAlerts(as, ids.episode);
    expect(alert?.inputs).toEqual(OLD.inputs);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await rawValues();
    expect(await encryptLegacyPlaintext(h.services.db, h.services.keyring)).toEqual({});
    expect(await rawValues()).toBe(before);
  });

  it('runs on the start path, after the migrations (openRuntime)', async () => {
    await writeLegacyPlaintext();
    const lines: string[] = [];
    const runtime = await openRuntime(
      {
        port: 0,
        host: '127.0.0.1',
        dataDir: tmpdir(),
        databaseUrl: h.database.url,
        demo: false,
        masterKey: h.services.keyring.masterKey.toString('hex'),
        publicUrl: 'http://localhost:3000',
        smtpUrl: undefined,
        mailFrom: 'throughline@localhost',
        logLevel: 'silent',
        logFormat: 'json',
        webDir: '',
        testClockFile: undefined,
      },
      (line) => lines.push(line),
    );
    await runtime.handle.close();
    expect((await scanEncryptedColumns(h.database.pool, ['OLD-'])).problems).toEqual([]);
    expect(lines).toContain(
      'encrypted 1 plaintext value(s) left by an earlier version in episodes.title',
    );
  });
});
