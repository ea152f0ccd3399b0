import type { Schema } from '../../core/validate.js';
import contactSchema from '../../schemas/kpr-contact.schema.json';
import { MAX_LENGTH, type ContactDraft, type FieldError, type TextField } from './contact.types.js';

// Loaded with the sending code (sender.ts), when a resident presses "send": the patterns are the contract's own.
const FIELDS = (contactSchema as Schema).properties!;
/** The longest a field may be (the stories fill fields to it). */
export const maxLength = (field: TextField): number => MAX_LENGTH[field];
const matches = (field: 'email' | 'phone', value: string) => new RegExp(FIELDS[field]!.pattern!, 'u').test(value);

/** The problems of a draft, in the order of the form, with messages that say how to put them right. */
export function validateDraft(draft: ContactDraft): FieldError[] {
  const errors: FieldError[] = [];
  const message = draft.message.trim();
  if (!message) errors.push({ field: 'message', key: 'messageMissing' });
  else if (message.length > MAX_LENGTH.message) errors.push({ field: 'message', key: 'messageTooLong', values: { max: MAX_LENGTH.message } });
  for (const field of ['place', 'name'] as const) {
    if (draft[field].trim().length > MAX_LENGTH[field]) errors.push({ field, key: 'tooLong', values: { max: MAX_LENGTH[field] } });
  }
  const email = draft.email.trim();
  const phone = draft.phone.trim();
  if (email && !matches('email', email)) errors.push({ field: 'email', key: 'emailInvalid' });
  if (phone && !matches('phone', phone)) errors.push({ field: 'phone', key: 'phoneInvalid' });
  if (draft.wantsAnswer && !email && !phone) errors.push({ field: 'email', key: 'contactMissing' });
  if (!draft.consent) errors.push({ field: 'consent', key: 'consentMissing' });
  return errors;
}
