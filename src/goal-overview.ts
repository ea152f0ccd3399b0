/** `asskomm-widgets/goal-overview`: registers `<kpr-goal-overview>`. */
import './widgets/goal-overview/define.js';

export { KprGoalOverview } from './widgets/goal-overview/goal-overview.js';
export type { GoalLayout, MeasureStatus } from './widgets/goal-overview/goal-overview.types.js';
export type { IconName } from './widgets/goal-overview/icons.js';
