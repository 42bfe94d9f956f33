export {
  addBoundaryEntry,
  type BoundaryEntry,
  type BoundaryEntryInput,
  boundaryPurpose,
  listBoundaryEntries,
} from './entries';
