import type { Bundle, Resource } from '@medplum/fhirtypes';
import { instant } from './codes';

/**
 * A `collection` Bundle of the record. `fullUrl` is `<base>/<type>/<id>` on the exporting
 * installation, so the relative references inside (`Patient/<id>`) resolve within the bundle
 * (FHIR R4 §2.36.4: a relative reference is resolved against the entry's base).
 */
export function toCollectionBundle(input: {
  id: string;
  base: string;
  at: Date;
  resources: readonly Resource[];
}): Bundle {
  const base = input.base.replace(/\/$/, '');
  return {
    resourceType: 'Bundle',
    id: input.id,
    type: 'collection',
    timestamp: instant(input.at),
    entry: input.resources.map((resource) => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
      resource,
    })),
  };
}
