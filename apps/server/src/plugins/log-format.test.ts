import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { chooseLogFormat, type LogFormat } from './log-format';
import { loggerOptions } from './logging';

describe('the log format', () => {
  it('is readable at a terminal and JSON anywhere else, unless LOG_FORMAT says', () => {
    expect(chooseLogFormat(undefined, true)).toBe('pretty');
    expect(chooseLogFormat(undefined, false)).toBe('json');
    expect(chooseLogFormat('', true)).toBe('pretty');
    expect(chooseLogFormat('json', true)).toBe('json');
    expect(chooseLogFormat('pretty', false)).toBe('pretty');
    expect(chooseLogFormat(' JSON ', true)).toBe('json');
    expect(() => chooseLogFormat('yaml', true)).toThrow('LOG_FORMAT must be "pretty" or "json"');
  });

  it('comes from LOG_FORMAT and the terminal in the configuration', () => {
    expect(loadConfig({}, true).logFormat).toBe('pretty');
    expect(loadConfig({}, false).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
  });
});

const PASSWORD = 'correct horse battery staple';
const SESSION = 'session-cookie-value-9f8e7d';
const CSRF = 'csrf-token-value-1a2b3c';
const BEARER = 'tl_bearer-token-value-4d5e6f';
const INVITATION = 'abcdefghijklmnopqrstuvwxyz0123456789';
const CLINICAL = 'Said the night terrors came back after the funeral';
const SECRETS = [PASSWORD, SESSION, CSRF, BEARER, INVITATION, CLINICAL, 'Secretname'];

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A real Fastify app with the server's logger settings, its log captured line by line. */
async function logsOf(level: string, format: LogFormat): Promise<string[]> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  app = Fastify(loggerOptions({ level, format, stream }));
  app.post('/api/v1/auth/sign-in', async (request) => {
    // What a careless log call could hand pino: every field below is on a redaction path.
    request.log.warn(
      {
        attempt: { password: PASSWORD, token: BEARER },
        entry: { text: CLINICAL, body: CLINICAL, note: CLINICAL, answers: [3, 3, 2] },
        failure: { detail: 'Key (display_name)=(Ada Secretname) already exists' },
      },
      'sign-in refused',
    );
    return { ok: false };
  });
  app.get('/api/v1/invitations/:token', async () => ({ ok: true }));

  await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in?password=leaked',
    headers: { authorization: `Bearer ${BEARER}`, 'x-csrf-token': CSRF },
    cookies: { tl_session: SESSION },
    payload: { email: 'ada@example.test', password: PASSWORD },
  });
  await app.inject({ method: 'GET', url: `/api/v1/invitations/${INVITATION}` });
  return lines;
}

function expectNoSecrets(lines: string[]): void {
  const log = lines.join('\n');
  for (const secret of [...SECRETS, 'leaked']) {
    expect(log.includes(secret), `the log contains "${secret}"`).toBe(false);
  }
}

describe('logs in both formats', () => {
  it('JSON: one object a line, requests at info, secrets and clinical text redacted', async () => {
    const lines = await logsOf('info', 'json');
    const records = lines.map((line) => JSON.parse(line) as { msg: string; level: number });
    expect(records.map((r) => r.msg)).toEqual([
      'incoming request',
      'sign-in refused',
      'request completed',
      'incoming request',
      'request completed',
    ]);
    expect(lines.join('\n')).toContain('/api/v1/invitations/[redacted]');
    expect(lines.join('\n')).toContain('"text":"[redacted]"');
    expectNoSecrets(lines);
  });

  it('pretty: readable lines, requests only at debug, the same things redacted', async () => {
    const quiet = await logsOf('info', 'pretty');
    expect(quiet.some((line) => line.startsWith('{'))).toBe(false);
    expect(quiet[0]).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: sign-in refused$/);
    expect(quiet.join('\n')).not.toContain('request completed');
    expect(quiet.join('\n')).toContain('"text": "[redacted]"');
    expectNoSecrets(quiet);

    const chatty = await logsOf('debug', 'pretty');
    expect(chatty).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/DEBUG: POST \/api\/v1\/auth\/sign-in 200 \(\d+ ms\)$/),
        expect.stringMatching(/DEBUG: GET \/api\/v1\/invitations\/\[redacted\] 200 \(\d+ ms\)$/),
      ]),
    );
    expectNoSecrets(chatty);
  });
});
