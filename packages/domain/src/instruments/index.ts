// A practice's own instruments, imported from FHIR Questionnaires, and the catalogue that
// resolves any instrument key for a practice (docs/measures.md, "Custom instruments").
export {
  catalogueOf,
  type InstrumentCatalogue,
  readCatalogue,
  SHIPPED_CATALOGUE,
} from './catalogue';
export {
  type ImportInstrumentInput,
  importInstrument,
  keyFor,
  previewInstrument,
} from './import-instrument';
export {
  getPracticeInstrument,
  listPracticeInstruments,
  retirePracticeInstrument,
} from './read-instruments';
