import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { NameCell } from './caseload-cells';
import type { CaseloadRow } from './caseload-rows';

const row = (cover: CaseloadRow['cover']): CaseloadRow => ({
  clientId: '00000000-0000-4000-8000-000000000001',
  displayName: 'Sam Rivera',
  preferredName: null,
  email: null,
  status: null,
  episodeId: '00000000-0000-4000-8000-000000000002',
  phase: 'active',
  nextSession: null,
  nextSessionTimeZone: null,
  lastContactAt: null,
  daysSinceLastContact: null,
  attention: [],
  cover,
});

const render = (r: CaseloadRow): string =>
  renderToStaticMarkup(
    createElement(
      MantineProvider,
      null,
      createElement(MemoryRouter, null, createElement(NameCell, { row: r })),
    ),
  );

const cover = {
  therapistName: 'Maya Okafor',
  designeeName: 'Ruth Adler',
  // 17:00 in London in summer time (16:00 UTC): the mark says the time in the practice's zone.
  endsAt: '2026-07-03T16:00:00.000Z',
  timeZone: 'Europe/London',
};

describe('the cover mark on a caseload row (issue 10)', () => {
  it("a designee's covered episode says whom they cover for, until when with the zone, and does not link the client's record", () => {
    const html = render(row({ ...cover, viewer: 'designee' }));
    expect(html).toContain('Covering for Maya Okafor until');
    expect(html).toContain(
      'Covering for Maya Okafor until Fri, Jul 3, 2026, 5:00 PM (London time)',
    );
    expect(html).not.toContain('href="/clients/');
    expect(html).toContain('Sam Rivera');
  });

  it("the therapist's own episode says who covers it, and links the client", () => {
    const html = render(row({ ...cover, viewer: 'therapist' }));
    expect(html).toContain('Covered by Ruth Adler until');
    expect(html).toContain('href="/clients/00000000-0000-4000-8000-000000000001"');
    expect(html).not.toContain('Covering for');
  });

  it('no cover, no mark', () => {
    const html = render(row(null));
    expect(html).not.toMatch(/Cover(ed|ing)/);
  });
});
