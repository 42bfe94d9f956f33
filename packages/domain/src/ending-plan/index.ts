// The ending plan agreed by both (issue 11), on the agreement primitive.
export { type AgreedEndingPlan, enterEndingInTx, readAgreedEndingPlan } from './agreed';
export { acceptEndingPlan, getEndingPlan, proposeEndingPlan } from './plan';
export { ENDING_PLAN_CONTENT_VERSION } from './terms';
