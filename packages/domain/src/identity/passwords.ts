import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../shared/errors';

// argon2id with the OWASP Password Storage Cheat Sheet's first recommended setting
// (m = 19 MiB, t = 2, p = 1). `2` is Algorithm.Argon2id (a const enum we cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

import { MIN_PASSWORD_LENGTH } from '@throughline/contracts';

export { MIN_PASSWORD_LENGTH };

export function checkPasswordRules(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters; a short sentence works well.`,
      [{ path: 'password', message: `At least ${MIN_PASSWORD_LENGTH} characters.` }],
    );
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A hash of nothing, so that unknown e-mails take as long as wrong passwords. */
let decoy: Promise<string> | undefined;
export async function spendDecoyVerification(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password that matches nothing');
  await verifyPassword(await decoy, password);
}
