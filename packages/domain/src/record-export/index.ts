// The record travels with the client (issue 12): one client's record as FHIR R4.
export { type Assembly, assembleBundle } from './assemble';
export { type BundleOptions, buildClientBundle } from './build-client-bundle';
export {
  exportPractice,
  type PracticeExportOptions,
  type PracticeExportResult,
} from './export-practice';
export { gatherRecord, type RecordFacts } from './gather';
export { type ExportScope, RECORD_PARTS, type RecordPart } from './scope';
