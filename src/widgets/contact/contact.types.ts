/** `json`: our endpoint contract (docs/contact-api.md); `open311`: a GeoReport v2 service request; `mailto`: the resident's mail program. */
export type ContactMode = 'json' | 'open311' | 'mailto';

/** What the resident has typed: kept until the message has arrived, whatever happens in between. */
export interface ContactDraft {
  topic: string;
  message: string;
  place: string;
  name: string;
  email: string;
  phone: string;
  wantsAnswer: boolean;
  consent: boolean;
  /** The honeypot: people never see it, so only programs fill it in. */
  website: string;
}

export type FieldName = Exclude<keyof ContactDraft, 'website'>;
/** The fields a resident types into (the topic is chosen from a list). */
export type TextField = Exclude<FieldName, 'topic' | 'wantsAnswer' | 'consent'>;

/** A problem with a field, as a translation key (under `contact.errors.`) and its values. */
export interface FieldError {
  field: FieldName;
  key: string;
  values?: Record<string, unknown>;
}

export interface TopicOption {
  id: string;
  /** Shown instead of the built-in translation: for topics of the town's own. */
  label?: string;
}

/**
 * The longest each field may be: the `maxLength`s of the contract the endpoint checks too
 * (src/schemas/kpr-contact.schema.json), so the form never accepts what the server refuses. Written out here so that
 * the form's first download does not carry the schema; a test keeps the two equal.
 */
export const MAX_LENGTH: Readonly<Record<TextField, number>> = { message: 2000, place: 200, name: 100, email: 200, phone: 40 };

export const EMPTY_DRAFT: ContactDraft = { topic: '', message: '', place: '', name: '', email: '', phone: '', wantsAnswer: false, consent: false, website: '' };

/** The German default, after what Bannewitz residents named most in the town's safety survey. */
export const DEFAULT_TOPICS = ['dog-fouling', 'graffiti', 'rubbish', 'lighting', 'traffic', 'public-drinking', 'youth', 'idea', 'other'];
