import { generate, generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 TOTP: SHA-1, 6 digits, 30 s — what every authenticator app supports. */
export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Throughline', label: account, secret });
}

/**
 * Checks a code, allowing one step of clock drift either way. Returns the matched time step,
 * which the caller stores so the same code cannot be used twice.
 */
export async function checkTotp(
  secret: string,
  code: string,
  lastStep: number | null,
  now: Date,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  }).catch(() => ({ valid: false as const }));
  return result.valid && 'timeStep' in result ? (result.timeStep as number) : null;
}

/** The current code, for the demo's printed instructions and for tests. */
export function currentTotp(secret: string, now = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
