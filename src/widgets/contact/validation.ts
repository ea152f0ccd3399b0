import type { Schema } from '../../core/validate.js';
import contactSchema from '../../schemas/kpr-contact.schema.json';
import type { ContactDraft, FieldError, FieldName } from './contact.types.js';

const FIELDS = (contactSchema as Schema).properties!;
/** The limits come from the contract the endpoint checks too, so the form never accepts what the server refuses. */
export const maxLength = (field: FieldName): number => FIELDS[field]?.maxLength ?? 200;
const matches = (field: 'email' | 'phone', value: string) => new RegExp(FIELDS[field]!.pattern!, 'u').test(value);

/** The problems of a draft, in the order of the form, with messages that say how to put them right. */
export function validateDraft(draft: ContactDraft): FieldError[] {
  const errors: FieldError[] = [];
  const message = draft.message.trim();
  if (!message) errors.push({ field: 'message', key: 'messageMissing' });
  else if (message.length > maxLength('message')) errors.push({ field: 'message', key: 'messageTooLong', values: { max: maxLength('message') } });
  for (const field of ['place', 'name'] as const) {
    if (draft[field].trim().length > maxLength(field)) errors.push({ field, key: 'tooLong', values: { max: maxLength(field) } });
  }
  const email = draft.email.trim();
  const phone = draft.phone.trim();
  if (email && !matches('email', email)) errors.push({ field: 'email', key: 'emailInvalid' });
  if (phone && !matches('phone', phone)) errors.push({ field: 'phone', key: 'phoneInvalid' });
  if (draft.wantsAnswer && !email && !phone) errors.push({ field: 'email', key: 'contactMissing' });
  if (!draft.consent) errors.push({ field: 'consent', key: 'consentMissing' });
  return errors;
}
