import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import { inviteClient, readClientAccessReport } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateR4 } from '../../../../packages/clinical/src/fhir/test-helpers';
import { actingAs } from '../operator';
import { CLI_TIMEOUT, cli, type Run, tempDir } from '../testing/cli';
import { createHarness, type Harness } from '../testing/harness';
import { fixtures } from '../testing/read-model-fixtures';
import { PRIVATE_PHRASE, type RealisticRecord, realisticRecord } from '../testing/record';

// The practice export for leaving (issue 12), run through the real CLI against a real database:
// two clients with two therapists in the first practice, a client in the second practice.
const OTHER_PRIVATE = 'Private process note about the second client';
const OTHER_PRACTICE_WORDS = 'Second practice: sleeping better';

let h: Harness;
let record: RealisticRecord;
let dataDir: string;
let settings: Record<string, string>;
let otherPracticeClientId: string;
const run = (...args: string[]): Promise<Run> => cli(args, settings);

beforeAll(async () => {
  h = await createHarness();
  record = await realisticRecord(h);
  const { otherTherapist, otherClient, otherPracticeTherapist } = h.cast;
  const second = fixtures(h.services, otherTherapist);
  const episode = await second.episode(otherClient, { title: 'Anxiety at work' });
  const session = await second.appointment(episode, new Date('2026-01-10T10:00:00Z'));
  await second.note(episode, {
    appointmentId: session,
    template: 'soap',
    body: { subjective: 'Worried.', objective: 'Calm.', assessment: 'Coping.', plan: 'Weekly.' },
  });
  await second.psychotherapyNote(episode, OTHER_PRIVATE);

  const elsewhere = await inviteClient(
    actingAs(h.services, {
      id: otherPracticeTherapist.userId,
      practiceId: otherPracticeTherapist.practiceId,
      role: 'therapist',
    }),
    { displayName: 'Elsewhere Client', email: 'elsewhere@test.example' },
  );
  otherPracticeClientId = elsewhere.id;
  const third = fixtures(h.services, otherPracticeTherapist);
  const farEpisode = await third.episode(
    { ...otherPracticeTherapist, clientId: elsewhere.id },
    { title: 'Elsewhere episode' },
  );
  await third.note(farEpisode, {
    template: 'soap',
    body: { subjective: OTHER_PRACTICE_WORDS, objective: '-', assessment: '-', plan: '-' },
  });

  dataDir = tempDir('throughline-export-');
  settings = {
    DATABASE_URL: h.database.url,
    THROUGHLINE_DATA_DIR: dataDir,
    THROUGHLINE_MASTER_KEY: h.services.keyring.masterKey.toString('hex'),
  };
});
afterAll(async () => {
  await h?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type Manifest = {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
  error: unknown[];
};

describe('throughline export --practice', () => {
  it(
    'writes every resource once as valid R4 NDJSON per type, a matching manifest and the documents, and audits it',
    async () => {
      const practiceId = h.cast.therapist.practiceId;
      const out = path.join(dataDir, 'leaving');
      const result = await run('export', '--practice', practiceId, '--out', out);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/Exported First Practice: 2 clients, \d+ resources/);

      const manifest = JSON.parse(
        readFileSync(path.join(out, 'manifest.json'), 'utf8'),
      ) as Manifest;
      expect(manifest).toMatchObject({ requiresAccessToken: false, error: [] });
      expect(Number.isNaN(Date.parse(manifest.transactionTime))).toBe(false);
      expect(manifest.request).toContain(practiceId);
      const files = readdirSync(out).filter((f) => f.endsWith('.ndjson'));
      expect(files.sort()).toEqual(manifest.output.map((o) => o.url).sort());

      const all: Resource[] = [];
      for (const entry of manifest.output) {
        const file = path.join(out, entry.url);
        expect(statSync(file).mode & 0o777).toBe(0o600);
        const lines = readFileSync(file, 'utf8').split('\n');
        expect(lines.pop()).toBe(''); // every line ends with a newline
        expect(lines).toHaveLength(entry.count);
        for (const line of lines) {
          const resource = JSON.parse(line) as Resource;
          expect(resource.resourceType).toBe(entry.type);
          expect(validateR4(resource), `${resource.resourceType}/${resource.id}`).toEqual([]);
          all.push(resource);
        }
      }
      const keys = all.map((r) => `${r.resourceType}/${r.id}`);
      expect(new Set(keys).size).toBe(keys.length);
      const ofType = (type: string) => all.filter((r) => r.resourceType === type);
      expect(ofType('Organization').map((r) => r.id)).toEqual([practiceId]);
      expect(
        ofType('Practitioner')
          .map((r) => r.id)
          .sort(),
      ).toEqual([h.cast.therapist.userId, h.cast.otherTherapist.userId].sort());
      expect(
        ofType('Patient')
          .map((r) => r.id)
          .sort(),
      ).toEqual([record.clientId, h.cast.otherClient.clientId].sort());
      expect(ofType('EpisodeOfCare')).toHaveLength(3);
      for (const type of ['Encounter', 'Goal', 'CarePlan', 'QuestionnaireResponse', 'Consent'])
        expect(ofType(type).length, type).toBeGreaterThan(0);
      // Signed notes: three (two of the first client, one of the second), plus the ending summary.
      expect(ofType('DocumentReference')).toHaveLength(4);

      // Every document's attachments as files: the ending summary's PDF among them.
      const documents = readdirSync(path.join(out, 'documents'));
      const pdfs = documents.filter((f) => f.endsWith('.pdf'));
      expect(pdfs).toHaveLength(1);
      expect(
        readFileSync(path.join(out, 'documents', pdfs[0] ?? ''))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect(documents.filter((f) => f.endsWith('.txt'))).toHaveLength(3);

      // Nothing of a psychotherapy note, nor of the other practice, anywhere in what was written.
      const written = [
        ...files.map((f) => readFileSync(path.join(out, f), 'utf8')),
        ...documents
          .filter((f) => !f.endsWith('.pdf'))
          .map((f) => readFileSync(path.join(out, 'documents', f), 'utf8')),
      ].join('\n');
      expect(written).toContain('Sleeping four hours a night.'); // the check can see note text
      for (const absent of [
        PRIVATE_PHRASE,
        OTHER_PRIVATE,
        OTHER_PRACTICE_WORDS,
        otherPracticeClientId,
        h.cast.otherPracticeTherapist.practiceId,
        h.cast.otherPracticeTherapist.userId,
      ])
        expect(written).not.toContain(absent);

      // One practice-level event naming the operator and the counts; one per client's record.
      const events = await h.services.db.execute<{
        action: string;
        actor_user_id: string | null;
        subject_client_id: string | null;
        detail: Record<string, string | number>;
      }>(sql`SELECT action, actor_user_id, subject_client_id, detail FROM audit_events
        WHERE practice_id = ${practiceId} AND detail->>'operator' IS NOT NULL ORDER BY id`);
      const practiceEvents = events.rows.filter((e) => e.action === 'practice.fhir.export');
      expect(practiceEvents).toHaveLength(1);
      const detail = practiceEvents[0]?.detail ?? {};
      expect(detail.clients).toBe(2);
      expect(detail.resources).toBe(all.length);
      for (const o of manifest.output) expect(detail[o.type], o.type).toBe(o.count);
      expect(String(detail.operator)).toMatch(/.+@.+/);
      expect(practiceEvents[0]?.actor_user_id).toBeNull();
      const perClient = events.rows.filter((e) => e.action === 'client.fhir.export');
      expect(perClient.map((e) => e.subject_client_id).sort()).toEqual(
        [record.clientId, h.cast.otherClient.clientId].sort(),
      );
      expect(perClient.every((e) => e.detail.via === 'practice-export')).toBe(true);

      // And the client's access report shows the copy as a read of their record.
      const report = await readClientAccessReport(
        actingAs(h.services, {
          id: h.cast.therapist.userId,
          practiceId,
          role: 'therapist',
        }),
        record.clientId,
        { limit: 200 },
      );
      expect(
        report.items.filter((i) => i.resourceType === 'record' && i.actorRole === null),
      ).toHaveLength(1);
      expect(
        await h.services.db.execute(
          sql`SELECT 1 FROM audit_events WHERE practice_id = ${h.cast.otherPracticeTherapist.practiceId} AND action LIKE '%.fhir.export'`,
        ),
      ).toMatchObject({ rows: [] });
    },
    2 * CLI_TIMEOUT,
  );

  it(
    'refuses a non-empty directory without --force and an unknown practice, writing nothing',
    async () => {
      const practiceId = h.cast.therapist.practiceId;
      const out = path.join(dataDir, 'occupied');
      rmSync(out, { recursive: true, force: true });
      const first = await run('export', '--practice', practiceId, '--out', out);
      expect(first.code, first.stderr).toBe(0);
      writeFileSync(path.join(out, 'notes-to-self.txt'), 'keep me');

      const refused = await run('export', '--practice', practiceId, '--out', out);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `throughline: ${out} is not empty; choose an empty directory or run again with --force.\n`,
      );
      const forced = await run('export', '--practice', practiceId, '--out', out, '--force');
      expect(forced.code, forced.stderr).toBe(0);
      expect(readFileSync(path.join(out, 'notes-to-self.txt'), 'utf8')).toBe('keep me');

      const missing = '00000000-0000-4000-8000-000000000000';
      const empty = path.join(dataDir, 'unknown');
      const unknown = await run('export', '--practice', missing, '--out', empty);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toBe(`throughline: No practice with id ${missing} exists.\n`);
      expect(readdirSync(empty)).toEqual([]);

      const malformed = await run('export', '--practice', 'first', '--out', empty);
      expect(malformed.code).toBe(1);
      expect(malformed.stderr).toBe('throughline: "first" is not a practice id.\n');
    },
    5 * CLI_TIMEOUT,
  );
});
