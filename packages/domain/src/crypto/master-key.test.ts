import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMasterKey } from './master-key';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'throughline-master-key-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadMasterKey from the data directory', () => {
  it('creates a 0600 key file on first use and reuses it afterwards', () => {
    const dataDir = path.join(dir, 'data'); // does not exist yet
    const first = loadMasterKey({ dataDir });
    expect(first.length).toBe(32);
    const file = path.join(dataDir, 'master.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('hex'));
    const second = loadMasterKey({ dataDir });
    expect(second.equals(first)).toBe(true);
  });

  it('does not let the directory it creates be listed by other users', () => {
    const dataDir = path.join(dir, 'data');
    loadMasterKey({ dataDir });
    expect(statSync(dataDir).mode & 0o066).toBe(0);
  });

  it('creates a different key for a different data directory', () => {
    const a = loadMasterKey({ dataDir: path.join(dir, 'a') });
    const b = loadMasterKey({ dataDir: path.join(dir, 'b') });
    expect(a.equals(b)).toBe(false);
  });

  it.each([0o640, 0o604, 0o644, 0o660])('refuses a key file with mode %o', (mode) => {
    loadMasterKey({ dataDir: dir });
    const file = path.join(dir, 'master.key');
    chmodSync(file, mode);
    expect(() => loadMasterKey({ dataDir: dir })).toThrow(/readable by other users.*chmod 600/);
  });

  it('reads an existing key file written by hand (0600)', () => {
    const key = randomBytes(32);
    writeFileSync(path.join(dir, 'master.key'), `${key.toString('base64')}\n`, { mode: 0o600 });
    expect(loadMasterKey({ dataDir: dir }).equals(key)).toBe(true);
  });

  it('refuses a key file holding a key of the wrong length, naming the file', () => {
    const file = path.join(dir, 'master.key');
    writeFileSync(file, randomBytes(16).toString('hex'), { mode: 0o600 });
    expect(() => loadMasterKey({ dataDir: dir })).toThrow(file);
  });
});

describe('loadMasterKey from THROUGHLINE_MASTER_KEY', () => {
  const key = randomBytes(32);

  it('accepts 64 hex characters (either case, surrounding whitespace ignored)', () => {
    expect(loadMasterKey({ envValue: key.toString('hex'), dataDir: dir }).equals(key)).toBe(true);
    expect(
      loadMasterKey({ envValue: ` ${key.toString('hex').toUpperCase()}\n`, dataDir: dir }).equals(
        key,
      ),
    ).toBe(true);
  });

  it('accepts 44 base64 characters', () => {
    const value = key.toString('base64');
    expect(value).toHaveLength(44);
    expect(loadMasterKey({ envValue: value, dataDir: dir }).equals(key)).toBe(true);
  });

  it('takes precedence over the key file and does not create one', () => {
    loadMasterKey({ envValue: key.toString('hex'), dataDir: path.join(dir, 'unused') });
    expect(() => statSync(path.join(dir, 'unused', 'master.key'))).toThrow();
  });

  it.each([
    ['too short hex', randomBytes(16).toString('hex')],
    ['too long base64', randomBytes(48).toString('base64')],
    ['a passphrase', 'correct horse battery staple'],
  ])('rejects %s with a message saying what to use and how to make one', (_label, value) => {
    expect(() => loadMasterKey({ envValue: value, dataDir: dir })).toThrow(
      /THROUGHLINE_MASTER_KEY must hold a 256-bit key: 64 hex characters or 44 base64 characters.*randomBytes\(32\)/s,
    );
  });
});
