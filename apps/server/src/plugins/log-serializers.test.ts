import { describe, expect, it } from 'vitest';
import { redactUrl, serializeError } from './log-serializers';

describe('redactUrl', () => {
  it('masks invitation and calendar tokens and any bearer-like segment, keeps ids and words', () => {
    const id = '0b6f0d0e-8a4c-4a53-9d7e-5d0f3c1e2a77';
    expect(redactUrl('/api/v1/calendar/Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA.ics?x=1')).toBe(
      '/api/v1/calendar/[redacted].ics',
    );
    expect(redactUrl('/api/v1/invitations/abc/accept')).toBe(
      '/api/v1/invitations/[redacted]/accept',
    );
    expect(redactUrl('/reset/tl_Q2hhbmdlTWVQbGVhc2VUaGlzSXNBVG9rZW4')).toBe('/reset/[redacted]');
    expect(redactUrl('/reset-password/abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq')).toBe(
      '/reset-password/[redacted]',
    );
    expect(redactUrl(`/api/v1/episodes/${id}/psychotherapy-notes`)).toBe(
      `/api/v1/episodes/${id}/psychotherapy-notes`,
    );
    expect(redactUrl('/api/docs/static/swagger-initializer.js')).toBe(
      '/api/docs/static/swagger-initializer.js',
    );
  });
});

describe('serializeError', () => {
  it('keeps the message and code of an ordinary error, and follows its cause', () => {
    const error = new Error('outer', { cause: Object.assign(new Error('inner'), { code: 'E1' }) });
    const logged = serializeError(error);
    expect(logged).toMatchObject({ type: 'Error', message: 'outer', cause: { errorCode: 'E1' } });
    expect(logged.stack).toMatch(/^Error: outer\n {4}at /);
  });

  it('withholds a message that quotes a database statement', () => {
    const error = new Error('Failed query: insert into "clients" …\nparams: Ada,ada@example.org');
    const logged = serializeError(error);
    expect(JSON.stringify(logged)).not.toContain('ada@example.org');
  });
});
