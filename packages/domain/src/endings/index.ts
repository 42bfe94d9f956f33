export { getClosureLetter, getEnding } from './get-ending';
export { recordEnding } from './record-ending';
