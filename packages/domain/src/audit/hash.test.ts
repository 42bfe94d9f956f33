import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_VERSION, type ChainedFields, chainHash, GENESIS_HASH } from './hash';

const base: ChainedFields = {
  seq: 7n,
  id: 42n,
  practiceId: '3f1c2b8e-0d5a-4c1e-9a77-2b6f0e1d4c3a',
  version: 2,
  occurredAt: new Date('2025-03-30T01:30:00.123Z'),
  actorUserId: '9b2e6c1a-5f3d-4e8b-a1c7-0d4f6e2b8a9c',
  actorRole: 'therapist',
  action: 'client.read',
  resourceType: 'client',
  resourceId: 'c-1',
  outcome: 'success',
  requestId: 'req-1',
  clientAddress: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
  subjectClientId: null,
  detail: { reason: 'routine', count: 2, flagged: false, note: null },
};

/** One changed value per field; every field of the event must be covered by the hash. */
const changes: { [K in keyof ChainedFields]: ChainedFields[K][] } = {
  seq: [8n, 6n],
  id: [43n],
  practiceId: ['3f1c2b8e-0d5a-4c1e-9a77-2b6f0e1d4c3b'],
  version: [1, 3],
  occurredAt: [new Date('2025-03-30T01:30:00.124Z'), new Date('2025-03-30T02:30:00.123Z')],
  actorUserId: [null, '9b2e6c1a-5f3d-4e8b-a1c7-0d4f6e2b8a9d'],
  actorRole: [null, 'practice_admin'],
  action: ['client.list', 'client.read '],
  resourceType: ['user'],
  resourceId: [null, 'c-2', ''],
  outcome: ['denied', 'failure'],
  requestId: [null, 'req-2'],
  clientAddress: [null, '203.0.113.8', '::ffff:203.0.113.7'],
  userAgent: [null, '', 'curl/8.0'],
  subjectClientId: ['5d0c1b2a-7e6f-4a3b-9c8d-1e2f3a4b5c6d'],
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

  it('writes version 3 on new events', () => {
    expect(AUDIT_EVENT_VERSION).toBe(3);
  });
});

describe('chainHash of version-2 events (sealed before the subject client was recorded)', () => {
  const v2: ChainedFields = { ...base, version: 2 };

  it('is unchanged when the event has no subject', () => {
    expect(chainHash(GENESIS_HASH, { ...v2, subjectClientId: null })).toBe(
      chainHash(GENESIS_HASH, v2),
    );
  });

  it('changes when a subject is written into a version-2 event afterwards', () => {
    const original = chainHash(GENESIS_HASH, v2);
    expect(chainHash(GENESIS_HASH, { ...v2, subjectClientId: 'c1' })).not.toBe(original);
  });

  it('covers the subject of a version-3 event', () => {
    const v3: ChainedFields = { ...base, version: 3, subjectClientId: 'c1' };
    expect(chainHash(GENESIS_HASH, v3)).not.toBe(
      chainHash(GENESIS_HASH, { ...v3, subjectClientId: 'c2' }),
    );
  });
});

describe('chainHash of version-1 events (sealed before address and user agent were recorded)', () => {
  const v1: ChainedFields = { ...base, version: 1, clientAddress: null, userAgent: null };

  it('is unchanged: an event sealed by the version-1 code still verifies', () => {
    // Computed with the version-1 chainHash (commit be5c383) for this exact event.
    expect(chainHash(GENESIS_HASH, v1)).toBe(
      '4f2fb29348053d53b88ab71c2d04cfdefd1ceb33c479d5d03063bfadf4e18d19',
    );
  });

  it('changes when an address or user agent is written into a version-1 event afterwards', () => {
    const original = chainHash(GENESIS_HASH, v1);
    expect(chainHash(GENESIS_HASH, { ...v1, clientAddress: '203.0.113.7' })).not.toBe(original);
    expect(chainHash(GENESIS_HASH, { ...v1, userAgent: 'curl/8.0' })).not.toBe(original);
  });

  it('differs from the same event as version 2 (the version cannot be rewritten)', () => {
    expect(chainHash(GENESIS_HASH, { ...v1, version: 2 })).not.toBe(chainHash(GENESIS_HASH, v1));
  });
});
