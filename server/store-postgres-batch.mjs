// Group commit for the PostgreSQL store. Each statement is a transaction, and its COMMIT waits for the WAL on
// disk (synchronous_commit on): that wait is what a message costs. So messages are queued and sent together, as
// one INSERT of many rows; the messages that arrive while statements are on their way go with the next. At most
// `maxBatches` statements are on their way at once, so that the pool keeps connections for the export, the health
// check and forwarding. Every promise settles only after its statement's COMMIT has returned.
import { column, FIELDS, newReference, violates } from './store-shared.mjs';

/** @typedef {import('./store.mjs').SaveResult} SaveResult */
/** @typedef {Parameters<import('./store.mjs').MessageStore['saveMessage']>[0]} SaveRequest */
/** @typedef {{ message: SaveRequest, resolve: (result: SaveResult) => void, reject: (error: unknown) => void }} Entry */

/** The column types of the stored fields that are not text, for the arrays of the batch insert. */
const FIELD_TYPES = /** @type {Record<string, string>} */ ({ wantsAnswer: 'boolean', fillMs: 'integer' });

/** Many messages in one statement, one array per column. A key stored before inserts nothing; RETURNING names what was inserted. */
const INSERT_MANY = `INSERT INTO messages (town, reference, idempotency_key, received_at, ${FIELDS.map(column).join(', ')}, spam, spam_reason)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], ${FIELDS.map((field, i) => `$${i + 5}::${FIELD_TYPES[field] ?? 'text'}[]`).join(', ')},
    $${FIELDS.length + 5}::boolean[], $${FIELDS.length + 6}::text[])
  ON CONFLICT (town, idempotency_key) DO NOTHING
  RETURNING town, idempotency_key, reference`;

const EARLIER = `SELECT m.town, m.idempotency_key, m.reference
  FROM messages m JOIN unnest($1::text[], $2::text[]) AS k (town, key) ON m.town = k.town AND m.idempotency_key = k.key`;

/** One message's place in a batch. @param {{ town: string, key: string }} message */
const idOf = ({ town, key }) => `${town}\u0000${key}`;

/**
 * @param {{ pool: import('pg').Pool, migrated: Promise<void>, now: () => Date, saveOne: (message: SaveRequest) => Promise<SaveResult>, maxBatches: number }} options
 *   `saveOne`: stores one message in a transaction of its own (for a batch the database refused)
 * @returns {(message: SaveRequest) => Promise<SaveResult>} saves a message with the others of its batch
 */
export function batchedSaves({ pool, migrated, now, saveOne, maxBatches }) {
  /** @type {Entry[]} */
  let queued = [];
  let sending = 0;
  const sendQueued = () => {
    while (queued.length && sending < maxBatches) {
      const entries = queued;
      queued = [];
      sending++;
      void saveTogether(entries).finally(() => {
        sending--;
        sendQueued();
      });
    }
  };

  /**
   * Stores a batch and settles each entry's promise. A key twice in the batch is stored once, and the second
   * answers with the first's reference. A batch that fails for another reason than a reference collision is
   * tried message by message, so that a message the database refuses fails alone.
   * @param {Entry[]} entries
   */
  async function saveTogether(entries) {
    /** @type {Map<string, Entry[]>} */
    const byKey = new Map();
    for (const entry of entries) byKey.set(idOf(entry.message), [...(byKey.get(idOf(entry.message)) ?? []), entry]);
    const firsts = [...byKey.values()].map(([first]) => first.message);
    try {
      await migrated;
      const inserted = await insertMany(firsts);
      const earlier = firsts.filter((message) => !inserted.has(idOf(message)));
      const stored = earlier.length ? await referencesOf(earlier) : new Map();
      for (const [id, same] of byKey) {
        const reference = inserted.get(id) ?? stored.get(id);
        same.forEach((entry, i) => {
          if (reference === undefined) entry.reject(new Error('the message was neither stored nor found'));
          else entry.resolve({ reference, created: inserted.has(id) && i === 0 });
        });
      }
    } catch {
      for (const same of byKey.values()) {
        await saveOne(same[0].message).then(
          (result) => same.forEach((entry, i) => entry.resolve(i > 0 && 'reference' in result ? { reference: result.reference, created: false } : result)),
          (error) => same.forEach((entry) => entry.reject(error)),
        );
      }
    }
  }

  /** Inserts the messages in one statement; resolves with the reference of each one inserted, by idOf. @param {SaveRequest[]} messages */
  async function insertMany(messages) {
    const receivedAt = now().toISOString();
    const columns = [
      messages.map((m) => m.town),
      [],
      messages.map((m) => m.key),
      messages.map(() => receivedAt),
      ...FIELDS.map((field) => messages.map(({ body }) => (field === 'wantsAnswer' ? !!body.wantsAnswer : (body[field] ?? null)))),
      messages.map((m) => !!m.spamReason),
      messages.map((m) => m.spamReason ?? null),
    ];
    for (let attempt = 0; ; attempt++) {
      columns[1] = messages.map(() => newReference(now()));
      try {
        const { rows } = await pool.query(INSERT_MANY, columns);
        return new Map(rows.map((row) => [idOf({ town: row.town, key: row.idempotency_key }), /** @type {string} */ (row.reference)]));
      } catch (error) {
        // A reference collision (1 in 887 million per pair) aborts the statement: the whole batch draws again.
        if (attempt < 5 && violates(error, 'messages_reference_unique')) continue;
        throw error;
      }
    }
  }

  /** The references stored before for these keys, by idOf. @param {SaveRequest[]} messages */
  async function referencesOf(messages) {
    const { rows } = await pool.query(EARLIER, [messages.map((m) => m.town), messages.map((m) => m.key)]);
    return new Map(rows.map((row) => [idOf({ town: row.town, key: row.idempotency_key }), /** @type {string} */ (row.reference)]));
  }

  return (message) =>
    new Promise((resolve, reject) => {
      queued.push({ message, resolve, reject });
      // Once the requests at hand have been read (setImmediate runs after the event loop's I/O), or when a
      // statement on its way returns.
      if (queued.length === 1) setImmediate(sendQueued);
    });
}
