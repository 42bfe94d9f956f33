import os from 'node:os';
import path from 'node:path';

// The sizes of synthetic practice `npm run bench:data -- --size` makes (issue 13).
export const SIZES = {
  S: { therapists: 1, clientsPerTherapist: 40 },
  M: { therapists: 50, clientsPerTherapist: 100 },
  L: { therapists: 500, clientsPerTherapist: 100 },
} as const;

export type Size = keyof typeof SIZES;

export function isSize(value: string): value is Size {
  return value in SIZES;
}

/** Every generated account (staff and clients) has this password: the data is synthetic. */
export const SYNTHETIC_PASSWORD = 'synthetic practice pass phrase';
export const SYNTHETIC_DOMAIN = 'synthetic.example';
export const therapistEmail = (k: number): string => `therapist${k}@${SYNTHETIC_DOMAIN}`;
export const clientEmail = (k: number, i: number): string => `client${k}-${i}@${SYNTHETIC_DOMAIN}`;

/** Where `--size` puts its practice unless `--data-dir` says otherwise. */
export const defaultDataDir = (size: Size): string =>
  path.join(os.tmpdir(), `throughline-practice-${size}`);
