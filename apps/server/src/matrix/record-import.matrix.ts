import { minimalBundle } from '../testing/fhir-bundle';
import type { MatrixRow, ModuleMatrix } from '../testing/matrix';
import { statuses } from '../testing/matrix';

/** Importing a relationship bundle (issue 12): a therapist, into their own caseload. */
export const matrix: ModuleMatrix = {
  name: 'record-import',
  rows: () => ROWS,
};

const ROWS: MatrixRow[] = [
  //                                                 anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'POST /api/v1/clients/import.fhir',
    raw: (who) => ({
      payload: JSON.stringify(minimalBundle(who)),
      headers: { 'content-type': 'application/fhir+json' },
    }),
    expect: statuses(401, 403, 403, 201, 201, 403, 403, 403),
  },
  {
    route: 'POST /api/v1/clients/import.fhir',
    note: 'application/json',
    body: (who) => minimalBundle(`${who}-json`),
    expect: statuses(401, 403, 403, 201, 201, 403, 403, 403),
  },
];
