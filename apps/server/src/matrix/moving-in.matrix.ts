import { createHash } from 'node:crypto';
import { type ActorKey, type MatrixRow, type ModuleMatrix, statuses } from '../testing/matrix';
import { multipartFile } from '../testing/multipart';

/** Moving in from another system (issue 12): a therapist imports into their own caseload. */
export const matrix: ModuleMatrix = {
  name: 'moving-in',
  rows: () => ROWS,
};

/** A two-client file of the caller's own, so each caller's import stands alone. */
const csv = (who: ActorKey): Buffer =>
  Buffer.from(
    `First name,Last name,Email,Pronouns\nRobin,Matrix-${who},robin-${who}@import.example,they/them\nAsha,Matrix-${who},asha-${who}@import.example,she/her\n`,
  );
const hash = (bytes: Buffer): string =>
  createHash('sha256').update(bytes).update('\u0000').digest('hex');

const ROWS: MatrixRow[] = [
  //                                                 anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'POST /api/v1/clients/import/preview',
    raw: (who) => ({ payload: csv(who), headers: { 'content-type': 'text/csv' } }),
    expect: statuses(401, 403, 403, 200, 200, 403, 403, 403),
  },
  {
    route: 'POST /api/v1/clients/import/preview',
    note: 'multipart upload',
    raw: (who) => multipartFile('clients.csv', 'text/csv', csv(who)),
    expect: statuses(401, 403, 403, 200, 200, 403, 403, 403),
  },
  {
    route: 'POST /api/v1/clients/import',
    url: (who) => `/api/v1/clients/import?confirm=${hash(csv(who))}`,
    raw: (who) => ({ payload: csv(who), headers: { 'content-type': 'text/csv' } }),
    expect: statuses(401, 403, 403, 201, 201, 403, 403, 403),
  },
];
