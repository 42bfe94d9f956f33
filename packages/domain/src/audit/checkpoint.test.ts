import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Checkpoint, CheckpointError, readCheckpoint, signCheckpoint } from './checkpoint';

const key = randomBytes(32);
const checkpoint: Checkpoint = {
  version: 1,
  takenAt: '2026-11-27T15:00:00.000Z',
  chains: [{ practiceId: '3f1c2b8e-0d5a-4c1e-9a77-2b6f0e1d4c3a', seq: '42', hash: 'a'.repeat(64) }],
};

describe('audit checkpoints', () => {
  it('round-trip as one signed line', () => {
    const line = signCheckpoint(key, checkpoint);
    expect(line).toMatch(/^tlcp1\.[\w-]+\.[\w-]+$/);
    expect(readCheckpoint(key, `  ${line}\n`)).toEqual(checkpoint);
  });

  it('refuse a checkpoint whose content was changed under the same signature', () => {
    const [prefix, , signature] = signCheckpoint(key, checkpoint).split('.');
    const rewound = { ...checkpoint, chains: [{ ...checkpoint.chains[0], seq: '40' }] };
    const payload = Buffer.from(JSON.stringify(rewound)).toString('base64url');
    expect(() => readCheckpoint(key, `${prefix}.${payload}.${signature}`)).toThrow(
      /signature does not match/,
    );
  });

  it('refuse an altered signature, and a checkpoint signed under another master key', () => {
    const line = signCheckpoint(key, checkpoint);
    const flipped = `${line.slice(0, -2)}${line.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(() => readCheckpoint(key, flipped)).toThrow(CheckpointError);
    expect(() => readCheckpoint(randomBytes(32), line)).toThrow(/another master key/);
  });

  it('refuse something that is not a checkpoint, with a message saying what is expected', () => {
    expect(() => readCheckpoint(key, 'hello')).toThrow(/starting with "tlcp1\."/);
    expect(() => readCheckpoint(key, 'tlcp1..')).toThrow(CheckpointError);
  });
});
