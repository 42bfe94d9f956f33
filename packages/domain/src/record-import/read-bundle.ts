import type { Bundle, Resource } from '@medplum/fhirtypes';
import { AppError } from '../shared/errors';
import { r4Problem } from './r4';

/** One entry of the bundle, with where it stands (for messages naming it). */
export type Entry = { index: number; resource: Resource; key: string };

/** `entry[3] (Appointment/abc)`: how a message names an entry. */
export const named = (e: Entry): string => `entry[${e.index}] (${e.key})`;

export function refuse(entry: Entry | undefined, field: string, message: string): AppError {
  const where = entry ? `${named(entry)}.${field}` : field;
  return new AppError('VALIDATION_FAILED', `${where}: ${message} Nothing was imported.`, [
    { path: where, message },
  ]);
}

/** Every `reference` inside a resource, with the path it sits at. */
function references(value: unknown, path: string, out: { path: string; ref: string }[]): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) references(v, `${path}[${i}]`, out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') out.push({ path, ref: v });
      else references(v, path ? `${path}.${k}` : k, out);
    }
}

/**
 * Reads a body as an exported relationship bundle: a FHIR `Bundle` of type `collection`, every
 * entry a resource with an id that is valid FHIR R4 (`@medplum/core` `validateResource`), no two
 * alike, and every reference naming an entry of the bundle. Throws VALIDATION_FAILED naming the
 * entry (index, type/id) and the field.
 */
export function readBundle(body: unknown): Entry[] {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw refuse(undefined, 'body', 'Send a FHIR Bundle as a JSON object.');
  const bundle = body as Partial<Bundle>;
  if (bundle.resourceType !== 'Bundle')
    throw refuse(
      undefined,
      'resourceType',
      `Expected "Bundle", got "${String(bundle.resourceType)}".`,
    );
  if (bundle.type !== 'collection')
    throw refuse(
      undefined,
      'type',
      `Expected a "collection" Bundle (as exported), got "${String(bundle.type)}".`,
    );
  if (!Array.isArray(bundle.entry) || bundle.entry.length === 0)
    throw refuse(undefined, 'entry', 'The bundle has no entries.');
  const entries: Entry[] = [];
  const keys = new Set<string>();
  bundle.entry.forEach((e, index) => {
    const resource = e?.resource;
    const at = { index, resource: resource as Resource, key: String(resource?.resourceType) };
    if (!resource || typeof resource !== 'object' || !resource.resourceType)
      throw refuse(at, 'resource', 'The entry has no resource.');
    if (!resource.id) throw refuse(at, 'id', 'Every resource needs an id (references name it).');
    const entry = { index, resource, key: `${resource.resourceType}/${resource.id}` };
    if (keys.has(entry.key)) throw refuse(entry, 'id', `${entry.key} appears twice.`);
    const problem = r4Problem(resource);
    if (problem) throw refuse(entry, problem.field, `${problem.message} (FHIR R4).`);
    keys.add(entry.key);
    entries.push(entry);
  });
  for (const entry of entries) {
    const found: { path: string; ref: string }[] = [];
    references(entry.resource, '', found);
    const unknown = found.find((f) => !keys.has(f.ref));
    if (unknown)
      throw refuse(
        entry,
        unknown.path,
        `The reference "${unknown.ref}" names no resource in this bundle.`,
      );
  }
  return entries;
}
