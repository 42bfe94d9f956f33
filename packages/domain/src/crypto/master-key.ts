import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const KEY_BYTES = 32;

function decodeKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(
      `${source} must hold a 256-bit key: 64 hex characters or 44 base64 characters ` +
        '(generate one with: node -e "console.log(crypto.randomBytes(32).toString(\'hex\'))").',
    );
  }
  return key;
}

/**
 * The master key wraps each practice's data key. It comes from THROUGHLINE_MASTER_KEY, or from
 * `<dataDir>/master.key`, created with mode 0600 on first start. Losing it loses every encrypted
 * note and message: back it up separately from the database.
 */
export function loadMasterKey(options: { envValue?: string | undefined; dataDir: string }): Buffer {
  if (options.envValue) return decodeKey(options.envValue, 'THROUGHLINE_MASTER_KEY');
  const file = path.join(path.resolve(options.dataDir), 'master.key');
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0) {
      throw new Error(`${file} is readable by other users; run: chmod 600 ${file}`);
    }
    return decodeKey(readFileSync(file, 'utf8'), file);
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o711 });
  const key = randomBytes(KEY_BYTES);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
