export { type BriefGoal, loadGoalLevels, loadGoals, loadToDiscuss } from './brief-sections';
export { createGoal, type GoalInput } from './create-goal';
export { createReflection, type ReflectionView } from './create-reflection';
export {
  createDiscussionItem,
  DISCUSSION_TEXT_MAX,
  type DiscussionItemView,
  resolveDiscussionItem,
} from './discussion-items';
export { listGoalReviews } from './list-goal-reviews';
export { listGoals } from './list-goals';
export {
  acknowledgePlan,
  type PortalPlanView,
  readPortalPlan,
} from './portal-plan';
export { clientGoalViews, therapistGoalViews } from './present';
export { rateGoal } from './rate-goal';
export {
  type GoalRecord,
  listGoalsForRecord,
  listSharedPlansForRecord,
  type SharedPlanRecord,
} from './record-reads';
export { type GoalReviewView, reviewGoals } from './review-goals';
export { type SharedPlanView, sharePlan } from './share-plan';
export { type GoalChanges, updateGoal } from './update-goal';
export {
  type ClientGoalView,
  GAS_LEVEL_KEYS,
  GAS_PLAIN_SCALE,
  type GasLevels,
  GOAL_COMMENT_MAX,
  GOAL_OBJECTIVES_MAX,
  GOAL_STATUSES,
  GOAL_TEXT_MAX,
  type GoalView,
} from './views';
