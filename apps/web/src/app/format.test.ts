import { describe, expect, it } from 'vitest';
import { formatInZone, zoneSuffix } from './format';

// Run with TZ=UTC; the viewer's zone is passed explicitly, so nothing here depends on the machine.
const en = { locale: 'en-US' };
// 09:00 UTC on 20 Oct 2026 is 10:00 in London (BST) and 05:00 in New York (EDT).
const session = '2026-10-20T09:00:00.000Z';

describe('formatInZone', () => {
  it("shows the time in the record's zone and names it when the viewer is elsewhere", () => {
    expect(formatInZone(session, 'Europe/London', { ...en, viewerZone: 'America/New_York' })).toBe(
      'Tue, Oct 20, 2026, 10:00 AM (London time)',
    );
    expect(formatInZone(session, 'America/New_York', { ...en, viewerZone: 'Europe/London' })).toBe(
      'Tue, Oct 20, 2026, 5:00 AM (New York time)',
    );
  });

  it('leaves the zone out when the viewer is in the same zone', () => {
    expect(formatInZone(session, 'Europe/London', { ...en, viewerZone: 'Europe/London' })).toBe(
      'Tue, Oct 20, 2026, 10:00 AM',
    );
    // Aliases are the same zone.
    expect(formatInZone(session, 'Etc/UTC', { ...en, viewerZone: 'UTC' })).toBe(
      'Tue, Oct 20, 2026, 9:00 AM',
    );
  });

  it('names a zone with the same offset but another name (London in winter, UTC viewer)', () => {
    expect(
      formatInZone('2026-12-01T10:00:00Z', 'Europe/London', { ...en, viewerZone: 'UTC' }),
    ).toBe('Tue, Dec 1, 2026, 10:00 AM (London time)');
  });

  it('handles a zone with a region inside its id, and UTC', () => {
    expect(
      formatInZone(session, 'America/Argentina/Buenos_Aires', {
        ...en,
        viewerZone: 'Europe/London',
      }),
    ).toBe('Tue, Oct 20, 2026, 6:00 AM (Buenos Aires time)');
    expect(formatInZone(session, 'Etc/UTC', { ...en, viewerZone: 'Europe/London' })).toBe(
      'Tue, Oct 20, 2026, 9:00 AM (UTC)',
    );
  });

  it("shows the date alone in the record's zone when asked (late evening in Los Angeles)", () => {
    const late = '2026-10-21T05:30:00Z'; // 22:30 on 20 Oct in Los Angeles
    expect(
      formatInZone(late, 'America/Los_Angeles', { ...en, viewerZone: 'UTC', dateOnly: true }),
    ).toBe('Tue, Oct 20, 2026 (Los Angeles time)');
  });

  it("without a zone, uses the viewer's, with nothing appended", () => {
    expect(formatInZone(session, null, { ...en, viewerZone: 'Asia/Tokyo' })).toBe(
      'Tue, Oct 20, 2026, 6:00 PM',
    );
    expect(formatInZone(session, 'Mars/Olympus', { ...en, viewerZone: 'UTC' })).toBe(
      'Tue, Oct 20, 2026, 9:00 AM',
    );
  });

  it('answers a dash for nothing and the input for an unreadable moment', () => {
    expect(formatInZone(null, 'Europe/London')).toBe('—');
    expect(formatInZone('not a date', 'Europe/London')).toBe('not a date');
  });
});

describe('zoneSuffix', () => {
  it('says "… time" after a place and leaves UTC bare', () => {
    expect(zoneSuffix('America/New_York')).toBe('New York time');
    expect(zoneSuffix('Etc/UTC')).toBe('UTC');
    expect(zoneSuffix('Etc/GMT+5')).toBe('UTC−5');
  });
});
