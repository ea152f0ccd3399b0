import { send, SendError } from '../../core/send.js';
import type { ContactDraft } from './contact.types.js';

/** How sending ended: arrived (with the endpoint's reference), or not, and whether trying again can help. */
export type SendOutcome =
  | { sent: true; reference?: string }
  | { sent: false; reason: 'network' | 'server' | 'busy' | 'rejected' | 'config'; retryAfter?: number; detail: string };

/**
 * A form without `endpoint` (and not in mailto mode) has nowhere to send to: a fault in the setup, not in the message.
 * Its console text, with the fix, is here, in the chunk loaded on sending, not in the form's first download.
 */
export const NO_ENDPOINT: SendOutcome = {
  sent: false,
  reason: 'config',
  detail: 'it has no endpoint: set endpoint="https://…/messages" (or mode="mailto" with mailto="…")',
};

/** The body of our contract (src/schemas/kpr-contact.schema.json): only what the resident filled in. */
export function contractBody(draft: ContactDraft, fillMs: number, language: string): Record<string, unknown> {
  const body: Record<string, unknown> = { message: draft.message.trim(), consent: draft.consent, wantsAnswer: draft.wantsAnswer, language, page: location.href.split('#')[0], fillMs: Math.round(fillMs) };
  for (const field of ['topic', 'place', 'name', 'email', 'phone', 'website'] as const) if (draft[field].trim()) body[field] = draft[field].trim();
  return body;
}

/**
 * Posts a message as JSON with its idempotency key. A lost answer and a retry with the same key give one
 * message and the first reference; the key changes only when the text does.
 */
export async function sendJson(endpoint: string, body: Record<string, unknown>, key: string, timeoutMs: number): Promise<SendOutcome> {
  return outcome(endpoint, () => send(endpoint, { headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(body), timeoutMs }), (json) => (json as { reference?: string } | undefined)?.reference);
}

/** An Open311 GeoReport v2 service request (`POST …/requests.json`), for towns with a defect-report system. */
export async function sendOpen311(endpoint: string, draft: ContactDraft, serviceCode: string, apiKey: string, timeoutMs: number): Promise<SendOutcome> {
  const [first, ...rest] = draft.name.trim().split(/\s+/).reverse();
  const fields: Record<string, string> = {
    service_code: serviceCode,
    description: [draft.topic, draft.message.trim()].filter(Boolean).join(': '),
    address_string: draft.place.trim(),
    email: draft.email.trim(),
    phone: draft.phone.trim(),
    last_name: first ?? '',
    first_name: rest.reverse().join(' '),
    api_key: apiKey,
  };
  const body = new URLSearchParams(Object.entries(fields).filter(([, value]) => value)).toString();
  const reference = (json: unknown) => {
    const [request] = Array.isArray(json) ? (json as { service_request_id?: string; token?: string }[]) : [];
    return request?.service_request_id ?? request?.token;
  };
  return outcome(endpoint, () => send(endpoint, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body, timeoutMs }), reference);
}

async function outcome(endpoint: string, request: () => ReturnType<typeof send>, reference: (json: unknown) => string | undefined): Promise<SendOutcome> {
  try {
    const { status, json, retryAfter } = await request();
    if (status >= 200 && status < 300) return { sent: true, reference: reference(json) };
    const detail = `${endpoint} answered HTTP ${status}${json ? `: ${JSON.stringify(json).slice(0, 300)}` : ''}`;
    if (status === 429) return { sent: false, reason: 'busy', retryAfter, detail };
    return { sent: false, reason: status >= 500 || status === 408 ? 'server' : 'rejected', detail };
  } catch (error) {
    if (error instanceof SendError) return { sent: false, reason: 'network', detail: `${endpoint}: ${error.message}` };
    throw error;
  }
}

/** The message as a `mailto:` link, for towns without an endpoint: the resident's mail program sends it. */
export function mailtoLink(address: string, subject: string, lines: string[]): string {
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(lines.join('\r\n'))}`;
}
