export type { Milestone } from './milestones';
export { type Brief, readBrief } from './read-brief';
export {
  type BriefScope,
  type BriefSections,
  loadSections,
  SECTIONS,
  type SectionProvider,
} from './sections';
