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
export { listSupervisedEpisodes, type SupervisedEpisode } from './supervised-episodes';
