// The contract's error answers: `{ error, problems? }` with the status the contract names, and a 5xx only when a
// message could not be stored. Whatever Fastify or a route raises ends here.

/** A request the contract refuses, raised where Fastify expects an error: its message is the answer. */
export class Refusal extends Error {
  /** @param {number} statusCode @param {string} message @param {import('./validate.mjs').Problem[]} [problems] */
  constructor(statusCode, message, problems) {
    super(message);
    this.statusCode = statusCode;
    this.problems = problems;
  }
}

/**
 * Sets the error and not-found handlers of `app`.
 * @param {import('fastify').FastifyInstance} app @param {{ bodyLimit: number }} options the body limit the 413 names
 */
export function answerErrors(app, { bodyLimit }) {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof Refusal) return reply.code(error.statusCode).send({ error: error.message, ...(error.problems ? { problems: error.problems } : {}) });
    const err = /** @type {import('fastify').FastifyError} */ (error);
    const status = err.statusCode ?? 500;
    if (status === 413) return reply.code(413).send({ error: `the body is larger than ${bodyLimit} bytes` });
    if (status === 415) return reply.code(415).send({ error: 'send the message as application/json' });
    if (status === 400) return reply.code(400).send({ error: 'the body is not JSON', problems: [{ path: '', message: err.message }] });
    if (status < 500) return reply.code(status).send({ error: err.message });
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'the message could not be stored; please try again later' });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: 'not found' }));
}
