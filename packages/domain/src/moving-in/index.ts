export { commitClientImport } from './commit-import';
export { inferDateOrder, readDate } from './dates';
export { fieldOfHeader, HEADER_SYNONYMS, headerKey, mapColumns } from './headers';
export { parseClientFile } from './parse-file';
export { previewClientImport } from './preview-import';
export { readRow } from './rows';
