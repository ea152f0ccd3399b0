#!/usr/bin/env node
// asskomm-widgets <command>: the feed validator and sample feeds for webmasters, and the reference contact
// endpoint, configured by environment variables (docs/contact-api.md). The validator is built into dist/cli/ with
// everything it needs; the server's libraries are optional peer dependencies of the package, so that a site that
// only embeds the widgets installs no server code: install them next to it to run the contact commands.
import { existsSync } from 'node:fs';

const USAGE = `Usage: asskomm-widgets <command>

Commands:
  validate <file-or-URL>...  checks feeds as the widgets read them: what would not show, and how to fix it
                             (--widget <name>, --json, --quiet; asskomm-widgets validate --help)
  init <folder>              writes sample feeds and a page embedding every widget, to edit (--force overwrites)
  bridge <config.json>       reads feeds a browser cannot (no CORS, OParl, recurring events) and writes KPR JSON
                             Feeds to serve yourself, for a cron job (asskomm-widgets bridge --help)
  contact-server             runs the contact endpoint for <kpr-contact> (KPR_CONTACT_PORT, default 8787)
  contact-retention          deletes messages older than KPR_CONTACT_RETENTION_DAYS (default 180), or each
                             town's retentionDays with KPR_CONTACT_TOWNS, and exits
  contact-token [<town-id>]  makes a coordinator's export token for a town of the towns file: prints the token
                             once and the hash to put into the file (KPR_CONTACT_TOWNS)

Configuration of the contact endpoint: environment variables KPR_CONTACT_*, see docs/contact-api.md.
The server needs: npm install fastify better-sqlite3 ajv (and nodemailer for e-mail, altcha-lib for ALTCHA,
pg for PostgreSQL with KPR_CONTACT_DATABASE_URL).`;

/**
 * The validator and init live in dist/cli/, built by `npm run build`; a source checkout has no dist/ until then.
 * @param {string} name
 */
async function cli(name) {
  const url = new URL(`../dist/cli/${name}.js`, import.meta.url);
  if (!existsSync(url)) {
    console.error(`asskomm-widgets: dist/cli/${name}.js is missing. In a source checkout, run npm run build first (or npm run build:cli).`);
    process.exit(2);
  }
  return import(url.href);
}

/** @param {NodeJS.WriteStream} stream */
const output = (stream) => ({
  out: (/** @type {string} */ text) => process.stdout.write(`${text}\n`),
  err: (/** @type {string} */ text) => process.stderr.write(`${text}\n`),
  color: !!stream.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
});

/** @param {unknown} error */
function explain(error) {
  const err = /** @type {NodeJS.ErrnoException} */ (error);
  if (err?.code === 'ERR_MODULE_NOT_FOUND') {
    const name = /Cannot find (?:package|module) '([^']+)'/.exec(err.message)?.[1] ?? 'a package';
    console.error(`asskomm-widgets: ${name} is not installed. The contact server needs: npm install fastify better-sqlite3 ajv nodemailer altcha-lib`);
  } else {
    console.error(`asskomm-widgets: ${err?.message ?? err}`);
  }
  process.exit(1);
}

// `validate … | head` closes the pipe early: that is no error.
process.stdout.on('error', (error) => {
  if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'validate') {
    const { runValidate, VALIDATE_USAGE } = await cli('validate');
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(VALIDATE_USAGE);
    } else {
      process.exitCode = await runValidate(rest, output(process.stdout));
    }
  } else if (command === 'init') {
    const { runInit, INIT_USAGE } = await cli('init');
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(INIT_USAGE);
    } else {
      process.exitCode = await runInit(rest, output(process.stdout));
    }
  } else if (command === 'bridge') {
    const { runBridge } = await cli('bridge');
    process.exitCode = await runBridge(rest, output(process.stdout));
  } else if (command === 'contact-server') {
    const { buildContactServer } = await import('../server/contact-server.mjs');
    const { optionsFromEnv } = await import('../server/config.mjs');
    const { port, host, ...options } = optionsFromEnv(process.env);
    const app = buildContactServer(options);
    await app.listen({ port, host });
    const address = app.server.address();
    const where = typeof address === 'object' && address ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : String(address);
    const { describeStore } = await import('../server/store.mjs');
    const towns = /** @type {any} */ (app).contact.towns;
    const paths = options.towns ? `${where}/towns/<id>/messages for ${towns.length} town(s): ${towns.join(', ')}` : `${where}/messages`;
    const exportState = options.towns ? 'per town' : options.token ? 'on' : 'off';
    console.log(`Contact endpoint: ${paths} (store: ${describeStore(options)}; export ${exportState}; ALTCHA ${options.altchaKey ? 'on' : 'off'}; e-mail ${options.smtpUrl ? 'on' : 'off'})`);
    for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
      process.once(signal, () => {
        app.close().then(() => process.exit(0), () => process.exit(1));
      });
    }
  } else if (command === 'contact-retention') {
    const { runRetention } = await import('../server/contact-server.mjs');
    const { optionsFromEnv } = await import('../server/config.mjs');
    const { describeStore } = await import('../server/store.mjs');
    const options = optionsFromEnv(process.env);
    const { retentionDays } = options;
    const removed = await runRetention({ dbPath: options.dbPath, databaseUrl: options.databaseUrl, retentionDays: /** @type {number} */ (retentionDays), towns: options.towns, now: options.now });
    const period = options.towns ? `past each town's retention (${options.towns})` : `older than ${retentionDays} days`;
    console.log(`Deleted ${removed} message(s) ${period} from ${describeStore(options)}.`);
  } else if (command === 'contact-token') {
    const { runContactToken } = await import('../server/towns.mjs');
    process.exitCode = runContactToken(rest, output(process.stdout));
  } else {
    console.log(USAGE);
    process.exit(command === undefined || command === 'help' || command === '--help' ? 0 : 2);
  }
} catch (error) {
  explain(error);
}
