import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { deserialiseBody, parseDraft, parseForSigning, serialiseBody } from './templates';

const carry = { planForNext: 'Continue the playlist work.' };

function issuePaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).issues?.map((i) => i.path) ?? [];
  }
  throw new Error('expected a validation error');
}

describe('note templates', () => {
  it('accepts an incomplete draft but refuses wrongly shaped fields', () => {
    expect(parseDraft('soap', { subjective: 'Tired after night shifts.' })).toEqual({
      subjective: 'Tired after night shifts.',
    });
    expect(parseDraft('music-therapy', {})).toEqual({});
    expect(issuePaths(() => parseDraft('music-therapy', { methods: ['dancing'] }))).toEqual([
      'body.methods.0',
    ]);
    expect(issuePaths(() => parseDraft('dap', { subjective: 'wrong template' }))).toEqual(['body']);
  });

  it('signing names every missing field of the template', () => {
    expect(issuePaths(() => parseForSigning('soap', { subjective: 'x', ...carry }))).toEqual([
      'body.objective',
      'body.assessment',
      'body.plan',
    ]);
    expect(
      issuePaths(() => parseForSigning('dap', { data: 'x', assessment: 'y', plan: 'z' })),
    ).toEqual(['body.planForNext']);
    expect(
      issuePaths(() =>
        parseForSigning('birp', {
          behavior: 'b',
          intervention: ' ',
          response: 'r',
          plan: 'p',
          ...carry,
        }),
      ),
    ).toEqual(['body.intervention']);
  });

  it('music therapy requires a method, client responses and goals; music needs a title unless client-created', () => {
    expect(
      issuePaths(() =>
        parseForSigning('music-therapy', {
          methods: [],
          music: [{ artist: 'Marconi Union', clientCreated: false }, { clientCreated: true }],
          ...carry,
        }),
      ),
    ).toEqual([
      'body.methods',
      'body.music.0.title',
      'body.clientResponses',
      'body.goalsAddressed',
    ]);
    const ok = parseForSigning('music-therapy', {
      methods: ['receptive', 'compositional'],
      instruments: ['djembe'],
      music: [
        { title: 'Weightless', artist: 'Marconi Union', clientCreated: false },
        { clientCreated: true },
      ],
      clientResponses: 'Breathing slowed.',
      goalsAddressed: 'Sleep hygiene.',
      ...carry,
      threadsToOpen: ['sleep before shifts'],
      homework: [
        { title: 'Evening playlist', instructions: 'Listen before bed.', dueOn: '2026-03-09' },
      ],
    });
    expect(ok.homework?.[0]?.title).toBe('Evening playlist');
  });

  it('checks homework links, dates and thread ids', () => {
    expect(
      issuePaths(() =>
        parseDraft('dap', {
          homework: [
            { title: 't', instructions: 'i', link: 'http://example.com', dueOn: '2026-02-30' },
          ],
          threadsToClose: ['not-a-uuid'],
        }),
      ).sort(),
    ).toEqual(['body.homework.0.dueOn', 'body.homework.0.link', 'body.threadsToClose.0']);
  });

  it('stores the template version with the fields and reads them back', () => {
    const json = serialiseBody({ data: 'd' });
    expect(JSON.parse(json)).toEqual({ templateVersion: 1, data: 'd' });
    expect(deserialiseBody(json)).toEqual({ data: 'd' });
  });
});
