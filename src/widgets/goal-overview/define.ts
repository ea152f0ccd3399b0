import { defineOnce } from '../../core/define.js';
import { KprGoalOverview } from './goal-overview.js';

defineOnce('kpr-goal-overview', KprGoalOverview);

declare global {
  interface HTMLElementTagNameMap {
    'kpr-goal-overview': KprGoalOverview;
  }
}
