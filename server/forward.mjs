// Optional: each message (not spam) is forwarded to the coordinator by e-mail, after it is stored. A failed
// forward is logged and recorded with the message (forward_attempts, forward_error) and retried later; the
// message itself is never lost to it, and the export always has it.

import { shown } from './text.mjs';

/** @typedef {import('./store.mjs').MessageStore} MessageStore */
/** @typedef {import('./store.mjs').StoredMessage} StoredMessage */

export const MAX_FORWARD_ATTEMPTS = 5;

/**
 * How long a process may take to hand a message to the SMTP server before another may try (the SMTP timeouts
 * below add up to 50 s): with several server processes on one database, each message is sent by one of them.
 */
export const FORWARD_LEASE_MS = 2 * 60_000;

/**
 * The e-mail's text: plain, one field a line, the message last. Characters the rule for text refuses are shown
 * as `<U+000A>` (the file may hold them from before the rule), so a line break in a name adds no line of its own.
 * @param {StoredMessage} m
 */
export function mailText(m) {
  /** @param {string} label @param {string | null} value @param {string} field */
  const line = (label, value, field) => (value ? `${label}: ${shown(value, field)}` : undefined);
  const lines = [
    `Referenz: ${m.reference}`,
    `Eingang: ${m.receivedAt}`,
    line('Thema', m.topic, 'topic'),
    line('Ort', m.place, 'place'),
    line('Name', m.name, 'name'),
    line('E-Mail', m.email, 'email'),
    line('Telefon', m.phone, 'phone'),
    `Antwort gewünscht: ${m.wantsAnswer ? 'ja' : 'nein'}`,
    line('Sprache', m.language, 'language'),
    line('Seite', m.page, 'page'),
    '',
    shown(m.message, 'message'),
  ];
  return `${lines.filter((text) => text !== undefined).join('\n')}\n`;
}

/**
 * @param {{ smtpUrl: string, mailTo: string | ((town: string) => string | undefined), mailFrom?: string | ((town: string) => string | undefined), store: MessageStore, log: { info: Function, error: Function } }} options
 *   `mailTo`, `mailFrom`: one address, or each town's (a town without an address is not forwarded)
 */
export async function createForwarder({ smtpUrl, mailTo, mailFrom, store, log }) {
  const { default: nodemailer } = await import('nodemailer');
  const recipient = typeof mailTo === 'function' ? mailTo : () => mailTo;
  const sender = typeof mailFrom === 'function' ? mailFrom : () => mailFrom;
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  /** @type {Set<string>} */
  const inFlight = new Set();
  /** @type {Set<Promise<void>>} */
  const running = new Set();

  /** @param {StoredMessage} message @param {string} to */
  async function send(message, to) {
    await transport.sendMail({
      from: sender(message.town) ?? to,
      to,
      ...(message.email ? { replyTo: message.email } : {}),
      subject: `[KPR] ${message.reference}${message.topic ? ` (${shown(message.topic, 'topic')})` : ''}`,
      text: mailText(message),
    });
  }

  /** Forwards one stored message now; resolves when done (never rejects). @param {string} reference */
  function forward(reference) {
    if (inFlight.has(reference)) return Promise.resolve();
    inFlight.add(reference);
    const task = store
      .get(reference)
      .then(async (found) => {
        const to = found && !found.spam && !found.forwardedAt ? recipient(found.town) : undefined;
        if (!to) return;
        // Another process (or an earlier retry here) may be sending it: only the one holding the claim sends.
        const message = await store.claimForward(reference, { maxAttempts: MAX_FORWARD_ATTEMPTS, leaseMs: FORWARD_LEASE_MS });
        if (!message) return;
        await send(message, to);
        // Marked after the SMTP server took it: a crash in between sends it once more, rather than never.
        await store.markForwarded(reference);
        log.info({ reference }, 'message forwarded');
      })
      .catch(async (/** @type {Error} */ error) => {
        try {
          await store.markForwardFailed(reference, String(error?.message ?? error));
        } catch {
          // The store is closed (shutting down): the next start retries.
        }
        log.error({ reference, err: error }, 'forwarding the message failed; it is stored and will be retried');
      })
      .finally(() => {
        inFlight.delete(reference);
        running.delete(task);
      });
    running.add(task);
    return task;
  }

  return {
    forward,
    /** Forwards every stored message that has not gone out yet (fewer than MAX_FORWARD_ATTEMPTS tries). */
    async retryPending() {
      const pending = await store.pendingForwards(MAX_FORWARD_ATTEMPTS);
      await Promise.all(pending.map((m) => forward(m.reference)));
    },
    /** Resolves when no forward is running. */
    async idle() {
      while (running.size) await Promise.all(running);
    },
    close() {
      transport.close();
    },
  };
}
