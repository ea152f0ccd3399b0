import { defineOnce } from '../../core/define.js';
import { KprPreventionTips } from './prevention-tips.js';

defineOnce('kpr-prevention-tips', KprPreventionTips);

declare global {
  interface HTMLElementTagNameMap {
    'kpr-prevention-tips': KprPreventionTips;
  }
}
