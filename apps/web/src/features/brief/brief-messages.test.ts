import type { Message, Wire } from '@throughline/contracts';
import { describe, expect, it } from 'vitest';
import { messagesSince } from './brief-messages';

const message = (id: string, sentAt: string, over: Partial<Wire<Message>> = {}): Wire<Message> => ({
  id,
  episodeId: 'e',
  from: 'client',
  senderName: 'Sam',
  mine: false,
  body: id,
  sentAt,
  readAt: null,
  outsideHours: false,
  attachment: null,
  ...over,
});

describe('messages since the last session', () => {
  it('keeps those after the session, unread first, then newest first', () => {
    const items = [
      message('before', '2026-03-01T10:00:00Z'),
      message('read', '2026-03-05T10:00:00Z', { readAt: '2026-03-05T11:00:00Z' }),
      message('unread-old', '2026-03-04T10:00:00Z'),
      message('mine', '2026-03-06T10:00:00Z', { mine: true, from: 'therapist' }),
      message('unread-new', '2026-03-07T10:00:00Z'),
    ];
    expect(messagesSince(items, '2026-03-02T10:00:00Z').map((m) => m.id)).toEqual([
      'unread-new',
      'unread-old',
      'mine',
      'read',
    ]);
    expect(messagesSince(items, null)).toHaveLength(5);
  });
});
