// Practice contact settings (issue 10): crisis resources and the contact agreement's defaults.
export { DEFAULT_CRISIS_RESOURCES, SAFETY_NET_TEXT } from './defaults';
export {
  getCrisisResources,
  readContactDefaults,
  readCrisisResources,
  updateCrisisResources,
} from './settings';
