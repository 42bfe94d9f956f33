import { describe, expect, it } from 'vitest';
import { type ChainedFields, chainHash, GENESIS_HASH } from './hash';

const base: ChainedFields = {
  seq: 7n,
  id: 42n,
  practiceId: '3f1c2b8e-0d5a-4c1e-9a77-2b6f0e1d4c3a',
  version: 1,
  occurredAt: new Date('2025-03-30T01:30:00.123Z'),
  actorUserId: '9b2e6c1a-5f3d-4e8b-a1c7-0d4f6e2b8a9c',
  actorRole: 'therapist',
  action: 'client.read',
  resourceType: 'client',
  resourceId: 'c-1',
  outcome: 'success',
  requestId: 'req-1',
  detail: { reason: 'routine', count: 2, flagged: false, note: null },
};

/** One changed value per field; every field of the event must be covered by the hash. */
const changes: { [K in keyof ChainedFields]: ChainedFields[K][] } = {
  seq: [8n, 6n],
  id: [43n],
  practiceId: ['3f1c2b8e-0d5a-4c1e-9a77-2b6f0e1d4c3b'],
  version: [2],
  occurredAt: [new Date('2025-03-30T01:30:00.124Z'), new Date('2025-03-30T02:30:00.123Z')],
  actorUserId: [null, '9b2e6c1a-5f3d-4e8b-a1c7-0d4f6e2b8a9d'],
  actorRole: [null, 'practice_admin'],
  action: ['client.list', 'client.read '],
  resourceType: ['user'],
  resourceId: [null, 'c-2', ''],
  outcome: ['denied', 'failure'],
  requestId: [null, 'req-2'],
  detail: [
    null,
    {},
    { reason: 'routine', count: 3, flagged: false, note: null },
    { reason: 'routine', count: '2', flagged: false, note: null },
    { reason: 'routine', count: 2, flagged: false },
    { reason: 'routine', count: 2, flagged: false, note: null, extra: true },
  ],
};

describe('chainHash', () => {
  const original = chainHash(GENESIS_HASH, base);

  it('is a hex SHA-256 and deterministic', () => {
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, { ...base })).toBe(original);
  });

  for (const [field, values] of Object.entries(changes)) {
    it(`changes when ${field} changes`, () => {
      for (const value of values) {
        expect(chainHash(GENESIS_HASH, { ...base, [field]: value }), String(value)).not.toBe(
          original,
        );
      }
    });
  }

  it('covers every field of the event (the table above is complete)', () => {
    expect(Object.keys(changes).sort()).toEqual(Object.keys(base).sort());
  });

  it('changes with the previous hash, so an event cannot be moved to another place', () => {
    expect(chainHash('f'.repeat(64), base)).not.toBe(original);
    expect(chainHash(original, base)).not.toBe(original);
  });

  it('does not depend on the key order of the event or of its detail', () => {
    const reversed = Object.fromEntries(Object.entries(base).reverse()) as ChainedFields;
    const detail = base.detail as Record<string, unknown>;
    const reorderedDetail = Object.fromEntries(Object.entries(detail).reverse());
    expect(Object.keys(reorderedDetail)).not.toEqual(Object.keys(detail));
    expect(chainHash(GENESIS_HASH, { ...reversed, detail: reorderedDetail })).toBe(original);
  });

  it('is the same whether detail is missing (undefined) or null, as the database returns', () => {
    expect(chainHash(GENESIS_HASH, { ...base, detail: undefined })).toBe(
      chainHash(GENESIS_HASH, { ...base, detail: null }),
    );
  });

  it('does not confuse values across field boundaries', () => {
    const a = chainHash(GENESIS_HASH, { ...base, action: 'a.b', resourceType: 'c' });
    const b = chainHash(GENESIS_HASH, { ...base, action: 'a', resourceType: 'b.c' });
    expect(a).not.toBe(b);
  });
});
