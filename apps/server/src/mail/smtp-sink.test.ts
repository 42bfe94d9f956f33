import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyOf, startSmtpSink } from './smtp-sink';

const root = mkdtempSync(path.join(tmpdir(), 'throughline-sink-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the built-in SMTP sink', () => {
  it('files each message where only the operator can read it, keeping the newest', async () => {
    const dir = path.join(root, 'mail');
    const sink = await startSmtpSink({ dir, keep: 2 });
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      ignoreTLS: true,
    });
    try {
      for (const n of [1, 2, 3]) {
        await transport.sendMail({
          from: 'no-reply@test.example',
          to: 'someone@test.example',
          subject: `Message ${n}`,
          text: `Link ${n}: http://localhost:3000/invitations/abc${n}`,
        });
      }
    } finally {
      transport.close();
      await sink.close();
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    for (const file of files) expect(statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
    const newest = readFileSync(path.join(dir, files[1] ?? ''), 'utf8');
    expect(bodyOf(newest)).toContain('/invitations/abc3');
  });
});
