import { describe, expect, it } from 'vitest';
import { sameZone, zoneLabel, zoneName, zoneOptions, zoneRegion } from './time-zones';

describe('zoneName', () => {
  it('is the place a zone is named after, in plain words', () => {
    expect(zoneName('Europe/London')).toBe('London');
    expect(zoneName('America/New_York')).toBe('New York');
    expect(zoneName('America/Los_Angeles')).toBe('Los Angeles');
    expect(zoneName('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });

  it('says UTC for universal time and the offset for fixed-offset zones', () => {
    expect(zoneName('Etc/UTC')).toBe('UTC');
    expect(zoneName('UTC')).toBe('UTC');
    // POSIX inverts the sign: Etc/GMT+5 is five hours behind UTC.
    expect(zoneName('Etc/GMT+5')).toBe('UTC−5');
    expect(zoneName('Etc/GMT-10')).toBe('UTC+10');
  });
});

describe('zone labels for pickers', () => {
  it('adds the region', () => {
    expect(zoneRegion('Europe/London')).toBe('Europe');
    expect(zoneLabel('Europe/London')).toBe('London (Europe)');
    expect(zoneLabel('America/Argentina/Buenos_Aires')).toBe('Buenos Aires (America · Argentina)');
    expect(zoneLabel('Etc/UTC')).toBe('UTC');
  });

  it('offers UTC and the current value, each once, sorted by place, never a raw id as label', () => {
    const options = zoneOptions('Europe/London', 'Etc/UTC');
    const values = options.map((o) => o.value);
    expect(values).toContain('UTC');
    expect(values).toContain('Etc/UTC');
    expect(new Set(values).size).toBe(values.length);
    expect(options.find((o) => o.value === 'America/New_York')?.label).toBe('New York (America)');
    const labels = options.map((o) => o.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
    expect(labels.some((l) => l.includes('_'))).toBe(false);
  });
});

describe('sameZone', () => {
  it('treats aliases as one zone', () => {
    expect(sameZone('Etc/UTC', 'UTC')).toBe(true);
    expect(sameZone('Europe/London', 'UTC')).toBe(false);
  });
});
