import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/*
 * AES-256-GCM with a random 96-bit IV per value. The associated data binds a ciphertext to its
 * practice and purpose, so a value copied into another row or practice fails to decrypt.
 * Format: "v1." + base64url(iv ‖ tag ‖ ciphertext).
 */
const VERSION = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function seal(key: Buffer, plaintext: string, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function open(key: Buffer, sealed: string, associatedData: string): string {
  if (!sealed.startsWith(VERSION)) throw new Error('Unknown encrypted value format.');
  const raw = Buffer.from(sealed.slice(VERSION.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([
    decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
}

/** The same format for binary content (uploaded files), without a text round trip. */
export function sealBytes(key: Buffer, plaintext: Buffer, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function openBytes(key: Buffer, sealed: string, associatedData: string): Buffer {
  if (!sealed.startsWith(VERSION)) throw new Error('Unknown encrypted value format.');
  const raw = Buffer.from(sealed.slice(VERSION.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/** The purpose a practice's data key is wrapped under (written once: a typo fails only at run time). */
export const practiceKeyPurpose = (practiceId: string): string => `practice-key:${practiceId}`;

/** A fresh data key for a new practice, wrapped by the master key. */
export function newWrappedDataKey(masterKey: Buffer, practiceId: string): string {
  return seal(masterKey, randomBytes(32).toString('base64'), practiceKeyPurpose(practiceId));
}

export function unwrapDataKey(masterKey: Buffer, wrapped: string, practiceId: string): Buffer {
  return Buffer.from(open(masterKey, wrapped, practiceKeyPurpose(practiceId)), 'base64');
}
