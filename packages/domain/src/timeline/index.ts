export {
  readTimeline,
  type TimelineItem,
  type TimelinePage,
} from './read-timeline';
export { TIMELINE_TYPES, type TimelineType } from './repository';
