import type { LitElement } from 'lit';

type Values = Partial<Record<'topic' | 'message' | 'place' | 'name' | 'email' | 'phone' | 'wantsAnswer' | 'consent', string | boolean>>;

/**
 * Fills in the contact form of a story as a resident would (the widget keeps its draft private), and sends it
 * if asked: for the states that only exist after typing, such as sending, sent and failed.
 */
export async function fillContactForm(canvas: HTMLElement, values: Values, { send = false } = {}): Promise<void> {
  const contact = canvas.querySelector<LitElement>('kpr-contact')!;
  await contact.updateComplete;
  const root = contact.shadowRoot!;
  for (const [name, value] of Object.entries(values)) {
    const control = root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    if (typeof value === 'boolean') control.checked = value;
    else control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await contact.updateComplete;
  }
  if (send) root.querySelector('form')!.requestSubmit();
  await contact.updateComplete;
}
