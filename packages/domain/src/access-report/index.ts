export { accessOf, kindOf } from './kinds';
export {
  type AccessReportQuery,
  readClientAccessReport,
  readOwnAccessReport,
} from './read-access-report';
