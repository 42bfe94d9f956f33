// The continuity kit (issue 11): what the client keeps after the ending.
export { readContinuityKits } from './read-kit';
