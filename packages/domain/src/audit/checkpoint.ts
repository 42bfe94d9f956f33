import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Database } from '@throughline/db';
import { asc } from 'drizzle-orm';
import { auditChainHeads } from './tables';

/**
 * A signed copy of every practice's chain head, for the operator to keep outside the database.
 * Whoever can write the database can delete the newest events and rewind the head row, or replace
 * them with forged events the sealer then seals; a checkpoint kept elsewhere still names the event
 * and hash the chain had reached, so `verify` against it finds both.
 *
 * Signed with HMAC-SHA-256 under a key derived (HKDF) from the master key, which the operator must
 * already keep apart from the database: no second secret to manage, and someone with only database
 * access cannot forge a checkpoint that blesses a rewound chain. (A public-key signature would let
 * third parties verify without the master key; Throughline's verifier is the installation itself.)
 */
export type ChainPoint = { practiceId: string; seq: string; hash: string };
export type Checkpoint = { version: 1; takenAt: string; chains: ChainPoint[] };

const PREFIX = 'tlcp1';

function signingKey(masterKey: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', masterKey, Buffer.alloc(0), 'throughline audit checkpoint v1', 32),
  );
}

function mac(masterKey: Buffer, payload: string): Buffer {
  return createHmac('sha256', signingKey(masterKey)).update(`${PREFIX}.${payload}`).digest();
}

/** One line: `tlcp1.<base64url JSON>.<base64url HMAC>`, easy to paste, print or mail. */
export function signCheckpoint(masterKey: Buffer, checkpoint: Checkpoint): string {
  const payload = Buffer.from(JSON.stringify(checkpoint)).toString('base64url');
  return `${PREFIX}.${payload}.${mac(masterKey, payload).toString('base64url')}`;
}

export class CheckpointError extends Error {}

const HEX64 = /^[0-9a-f]{64}$/;

/** Reads a checkpoint line; refuses one that is malformed or whose signature does not match. */
export function readCheckpoint(masterKey: Buffer, text: string): Checkpoint {
  const parts = text.trim().split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !parts[1] || !parts[2]) {
    throw new CheckpointError(
      'This is not an audit checkpoint: expected one line starting with "tlcp1.", as printed by "throughline audit checkpoint".',
    );
  }
  const [, payload, signature] = parts as [string, string, string];
  const expected = mac(masterKey, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CheckpointError(
      'The checkpoint signature does not match: it was altered, or it was made with another master key.',
    );
  }
  const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Checkpoint;
  const wellFormed =
    parsed.version === 1 &&
    Array.isArray(parsed.chains) &&
    parsed.chains.every((c) => /^\d+$/.test(c.seq) && HEX64.test(c.hash));
  if (!wellFormed) throw new CheckpointError('This checkpoint version cannot be read.');
  return parsed;
}

/** Every practice's current chain head (the sealer's last sealed event). */
export async function takeCheckpoint(db: Database, now: Date): Promise<Checkpoint> {
  const heads = await db.select().from(auditChainHeads).orderBy(asc(auditChainHeads.practiceId));
  return {
    version: 1,
    takenAt: now.toISOString(),
    chains: heads.map((h) => ({
      practiceId: h.practiceId,
      seq: h.lastSeq.toString(),
      hash: h.lastHash,
    })),
  };
}
