import type { Bundle, Resource } from '@medplum/fhirtypes';

/** A collection Bundle of the given resources, as the export writes one. */
export const collection = (resources: Resource[]): Bundle => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({
    fullUrl: `http://localhost:3000/fhir/${resource.resourceType}/${resource.id}`,
    resource,
  })),
});

/** The smallest relationship bundle: one client and nothing else. */
export const minimalBundle = (key: string): Bundle =>
  collection([
    {
      resourceType: 'Patient',
      id: '6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c',
      name: [{ use: 'official', text: `Robin Bundle-${key}` }],
      telecom: [{ system: 'email', value: `robin-${key}@bundle.example` }],
    },
  ]);
