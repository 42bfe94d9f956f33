import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWrappedDataKey, open, seal, unwrapDataKey } from './field-encryption';

const key = randomBytes(32);
const AD = 'practice-1:note.body:note-1';

/** Flips one bit of the decoded payload at `index` and re-encodes it in the stored format. */
function flipBit(sealed: string, index: number): string {
  const raw = Buffer.from(sealed.slice('v1.'.length), 'base64url');
  raw[index] = (raw[index] ?? 0) ^ 0x01;
  return `v1.${raw.toString('base64url')}`;
}

describe('seal / open (AES-256-GCM)', () => {
  it('round-trips text, including non-ASCII and the empty string', () => {
    for (const text of ['Session notes: client reports better sleep.', 'Zoë — “ça va” 🌱', '']) {
      expect(open(key, seal(key, text, AD), AD)).toBe(text);
    }
  });

  it('never stores the plaintext and uses a fresh IV every time', () => {
    const text = 'the same sentence twice';
    const a = seal(key, text, AD);
    const b = seal(key, text, AD);
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.')).toBe(true);
    expect(a).not.toContain(text);
    const ivOf = (s: string) => Buffer.from(s.slice(3), 'base64url').subarray(0, 12);
    expect(ivOf(a).equals(ivOf(b))).toBe(false);
    // IV (12) + tag (16) + ciphertext of the same length as the plaintext.
    expect(Buffer.from(a.slice(3), 'base64url').length).toBe(12 + 16 + Buffer.byteLength(text));
  });

  it('refuses a value opened with different associated data (copied to another row)', () => {
    const sealed = seal(key, 'secret', AD);
    expect(() => open(key, sealed, 'practice-1:note.body:note-2')).toThrow();
    expect(() => open(key, sealed, 'practice-2:note.body:note-1')).toThrow();
  });

  it('refuses a tampered IV, tag or ciphertext', () => {
    const sealed = seal(key, 'a note body long enough to tamper with', AD);
    for (const index of [0, 11, 12, 27, 28, 40]) {
      expect(() => open(key, flipBit(sealed, index), AD), `byte ${index}`).toThrow();
    }
    // Truncation (a missing last byte) fails as well.
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    expect(() => open(key, `v1.${raw.subarray(0, -1).toString('base64url')}`, AD)).toThrow();
  });

  it('refuses the wrong key', () => {
    const sealed = seal(key, 'secret', AD);
    expect(() => open(randomBytes(32), sealed, AD)).toThrow();
  });

  it('refuses an unknown format', () => {
    expect(() => open(key, 'v2.AAAA', AD)).toThrow(/Unknown encrypted value format/);
    expect(() => open(key, 'plain text', AD)).toThrow(/Unknown encrypted value format/);
  });
});

describe('wrapped practice data keys', () => {
  const master = randomBytes(32);
  const practiceId = '3f1c2b8e-0d5a-4c1e-9a77-2b6f0e1d4c3a';

  it('unwraps to a 256-bit key that encrypts and decrypts', () => {
    const wrapped = newWrappedDataKey(master, practiceId);
    const dataKey = unwrapDataKey(master, wrapped, practiceId);
    expect(dataKey.length).toBe(32);
    expect(unwrapDataKey(master, wrapped, practiceId).equals(dataKey)).toBe(true);
    expect(open(dataKey, seal(dataKey, 'hello', AD), AD)).toBe('hello');
  });

  it('does not contain the data key in any readable form', () => {
    const wrapped = newWrappedDataKey(master, practiceId);
    const dataKey = unwrapDataKey(master, wrapped, practiceId);
    for (const form of ['base64', 'hex', 'base64url'] as const) {
      expect(wrapped).not.toContain(dataKey.toString(form));
    }
  });

  it('gives every practice its own key', () => {
    const a = unwrapDataKey(master, newWrappedDataKey(master, practiceId), practiceId);
    const b = unwrapDataKey(master, newWrappedDataKey(master, practiceId), practiceId);
    expect(a.equals(b)).toBe(false);
  });

  it('unwraps only with the right master key', () => {
    const wrapped = newWrappedDataKey(master, practiceId);
    expect(() => unwrapDataKey(randomBytes(32), wrapped, practiceId)).toThrow();
  });

  it("unwraps only for its own practice (a wrapped key copied to another practice's row fails)", () => {
    const wrapped = newWrappedDataKey(master, practiceId);
    expect(() => unwrapDataKey(master, wrapped, '00000000-0000-0000-0000-000000000001')).toThrow();
  });
});
