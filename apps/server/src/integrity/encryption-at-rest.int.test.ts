import { randomBytes } from 'node:crypto';
// The harness builds the cast through the real use-cases (staff created with TOTP secrets).
import { Keyring } from '@throughline/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';

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
