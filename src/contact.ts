/** `asskomm-widgets/contact`: registers `<kpr-contact>`. */
import './widgets/contact/define.js';

export { KprContact } from './widgets/contact/contact.js';
export type { ContactMode } from './widgets/contact/contact.types.js';
