import { defineOnce } from '../../core/define.js';
import { KprContact } from './contact.js';

defineOnce('kpr-contact', KprContact);

declare global {
  interface HTMLElementTagNameMap {
    'kpr-contact': KprContact;
  }
}
