export {
  type AssignSupervisorInput,
  assignSupervisor,
  listSupervisionAssignments,
  type SupervisionAssignment,
  unassignSupervisor,
} from './assignments';
export {
  arrangeCover,
  type Cover,
  type CoverInput,
  cancelCover,
  listCover,
  type PortalCover,
  readPortalCover,
} from './cover';
export { type CoverInEffect, coverInEffectSql, findCoverInEffect } from './cover-reads';
export { listSupervisedEpisodes, type SupervisedEpisode } from './supervised-episodes';
