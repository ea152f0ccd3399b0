/** `asskomm-widgets/prevention-tips`: registers `<kpr-prevention-tips>`. */
import './widgets/prevention-tips/define.js';

export { KprPreventionTips } from './widgets/prevention-tips/prevention-tips.js';
export type { Audience, Topic, TipsMode } from './widgets/prevention-tips/prevention-tips.types.js';
