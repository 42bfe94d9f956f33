export { checkCount, checkPositive, checkTotal, totalRange } from './checks';
export { ClinicalInputError } from './errors';
