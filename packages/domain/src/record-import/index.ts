// Moving a relationship in (issue 12): one client's FHIR R4 bundle, as exported, into a practice.
export { importClientBundle, type RecordImportResult } from './import-bundle';
export { NOT_IMPORTED, type NotImported } from './not-imported';
