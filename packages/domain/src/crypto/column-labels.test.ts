import { readFileSync } from 'node:fs';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../schema';
import { COLUMN_LABELS, labelledColumns, withColumnTable } from './column-labels';

const REGISTRY = 'packages/domain/src/crypto/column-labels.ts';

/** text, varchar, char, citext, json and jsonb, and arrays of them: what can hold free content. */
const TEXTUAL = /^(text|varchar|character varying|char|character|citext|json|jsonb)\b/i;

type SchemaColumn = { table: string; column: string; sqlType: string; exportName: string };

function schemaColumns(): SchemaColumn[] {
  return Object.entries(schema).flatMap(([exportName, value]) => {
    if (!(value instanceof PgTable)) return [];
    const config = getTableConfig(value);
    return config.columns.map((c) => ({
      table: config.name,
      column: c.name,
      sqlType: c.getSQLType(),
      exportName,
    }));
  });
}

describe('column labels (every text and JSON column is encrypted, or plaintext for a reason)', () => {
  const columns = schemaColumns();

  it('finds the tables of the schema', () => {
    expect(columns.length).toBeGreaterThan(100);
    expect(columns.some((c) => c.table === 'notes' && c.column === 'body')).toBe(true);
  });

  it('labels every text, varchar and json column', () => {
    const missing = columns
      .filter((c) => TEXTUAL.test(c.sqlType) && !COLUMN_LABELS[c.table]?.[c.column])
      .map(
        (c) =>
          `${c.table}.${c.column} (${c.sqlType}, table ${c.exportName}) has no label: add ` +
          `COLUMN_LABELS['${c.table}']['${c.column}'] in ${REGISTRY} — encrypted('…'), or ` +
          `plaintext('why the database must read it'), then run npm run docs:columns`,
      );
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('names no column that does not exist, or that is not text or JSON', () => {
    const byName = new Map(columns.map((c) => [`${c.table}.${c.column}`, c]));
    const stale = Object.entries(COLUMN_LABELS).flatMap(([table, labels]) =>
      Object.keys(labels).flatMap((column) => {
        const found = byName.get(`${table}.${column}`);
        if (!found) return [`${table}.${column}: no such column; remove it from ${REGISTRY}`];
        if (!TEXTUAL.test(found.sqlType))
          return [`${table}.${column} is ${found.sqlType}, not text or JSON; remove its label`];
        return [];
      }),
    );
    expect(stale, stale.join('\n')).toEqual([]);
  });

  it('gives every label a reason', () => {
    const bare = Object.entries(COLUMN_LABELS).flatMap(([table, labels]) =>
      Object.entries(labels)
        .filter(([, l]) => l.reason.trim().length < 8)
        .map(([column]) => `${table}.${column}`),
    );
    expect(bare).toEqual([]);
  });

  it('keeps the columns issue 7 names encrypted', () => {
    expect(labelledColumns('encrypted')).toEqual(
      expect.arrayContaining([
        'alerts.inputs',
        'episode_phase_changes.reason',
        'episodes.title',
        'appointments.location',
        'attachments.file_name',
        'clients.phone',
        'clients.date_of_birth',
        'clients.emergency_contact_name',
        'clients.emergency_contact_phone',
        'clients.emergency_contact_relationship',
      ]),
    );
  });

  it('is what docs/security.md lists, column by column', () => {
    const doc = readFileSync(new URL('../../../../docs/security.md', import.meta.url), 'utf8');
    const stale = doc !== withColumnTable(doc);
    expect(
      stale,
      'docs/security.md "Encryption at rest" differs from the registry: run npm run docs:columns',
    ).toBe(false);
  });
});
