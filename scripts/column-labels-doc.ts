// Rewrites the column table in docs/security.md from packages/domain/src/crypto/column-labels.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { withColumnTable } from '../packages/domain/src/crypto/column-labels';

const file = new URL('../docs/security.md', import.meta.url);
writeFileSync(file, withColumnTable(readFileSync(file, 'utf8')));
process.stdout.write('docs/security.md: column table updated.\n');
