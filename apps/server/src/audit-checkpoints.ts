import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@throughline/db';
import { type Checkpoint, signCheckpoint, takeCheckpoint } from '@throughline/domain';

/** Older files are removed past this many; the operator copies them elsewhere as they appear. */
const KEEP = 500;

export function checkpointDir(dataDir: string): string {
  return path.join(dataDir, 'audit-checkpoints');
}

/**
 * Writes a signed checkpoint as `<data dir>/audit-checkpoints/<time>.txt` (mode 0600) and as
 * `latest.txt`; returns the line and the file.
 */
export function writeCheckpoint(
  dataDir: string,
  masterKey: Buffer,
  checkpoint: Checkpoint,
): { line: string; file: string } {
  const dir = checkpointDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const line = signCheckpoint(masterKey, checkpoint);
  const stamp = checkpoint.takenAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = path.join(dir, `${stamp}.txt`);
  writeFileSync(file, `${line}\n`, { mode: 0o600 });
  writeFileSync(path.join(dir, 'latest.txt'), `${line}\n`, { mode: 0o600 });
  const old = readdirSync(dir)
    .filter((f) => /^\d{8}T\d{6}Z\.txt$/.test(f))
    .sort()
    .slice(0, -KEEP);
  for (const f of old) rmSync(path.join(dir, f), { force: true });
  return { line, file };
}

/** A checkpoint given as its line, or as a file holding it (the last non-empty line counts). */
export function checkpointText(fileOrLine: string): string {
  if (fileOrLine.trim().startsWith('tlcp1.')) return fileOrLine.trim();
  const lines = readFileSync(fileOrLine, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.at(-1) ?? '';
}

/**
 * The sealer's periodic checkpoint: written when any chain head moved since the last one, at most
 * once per `everyMs`. Returns the file written, if any.
 */
export function checkpointWriter(options: {
  db: Database;
  dataDir: string;
  masterKey: Buffer;
  now: () => Date;
  everyMs: number;
}): () => Promise<{ line: string; file: string } | undefined> {
  let lastHeads: string | undefined;
  let lastAt = Number.NEGATIVE_INFINITY;
  return async () => {
    const now = options.now();
    if (now.getTime() - lastAt < options.everyMs) return undefined;
    const checkpoint = await takeCheckpoint(options.db, now);
    const heads = JSON.stringify(checkpoint.chains);
    if (heads === lastHeads) return undefined;
    const written = writeCheckpoint(options.dataDir, options.masterKey, checkpoint);
    lastHeads = heads;
    lastAt = now.getTime();
    return written;
  };
}
