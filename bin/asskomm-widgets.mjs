#!/usr/bin/env node
// asskomm-widgets <command>: the reference contact endpoint, configured by environment variables
// (docs/contact-api.md). The server's libraries are optional peer dependencies of the package, so that a site
// that only embeds the widgets installs no server code: install them next to it to run these commands.
const USAGE = `Usage: asskomm-widgets <command>

Commands:
  contact-server     runs the contact endpoint for <kpr-contact> (KPR_CONTACT_PORT, default 8787)
  contact-retention  deletes messages older than KPR_CONTACT_RETENTION_DAYS (default 180) and exits

Configuration: environment variables KPR_CONTACT_*, see docs/contact-api.md.
The server needs: npm install fastify better-sqlite3 ajv (and nodemailer for e-mail, altcha-lib for ALTCHA).`;

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

const [command] = process.argv.slice(2);
try {
  if (command === 'contact-server') {
    const { buildContactServer } = await import('../server/contact-server.mjs');
    const { optionsFromEnv } = await import('../server/config.mjs');
    const { port, host, ...options } = optionsFromEnv(process.env);
    const app = buildContactServer(options);
    await app.listen({ port, host });
    const address = app.server.address();
    const where = typeof address === 'object' && address ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : String(address);
    console.log(`Contact endpoint: ${where}/messages (store: ${options.dbPath}; export ${options.token ? 'on' : 'off'}; ALTCHA ${options.altchaKey ? 'on' : 'off'}; e-mail ${options.smtpUrl ? 'on' : 'off'})`);
    for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
      process.once(signal, () => {
        app.close().then(() => process.exit(0), () => process.exit(1));
      });
    }
  } else if (command === 'contact-retention') {
    const { runRetention } = await import('../server/contact-server.mjs');
    const { optionsFromEnv } = await import('../server/config.mjs');
    const { dbPath, retentionDays } = optionsFromEnv(process.env);
    const removed = runRetention({ dbPath: /** @type {string} */ (dbPath), retentionDays: /** @type {number} */ (retentionDays) });
    console.log(`Deleted ${removed} message(s) older than ${retentionDays} days from ${dbPath}.`);
  } else {
    console.log(USAGE);
    process.exit(command === undefined || command === 'help' || command === '--help' ? 0 : 2);
  }
} catch (error) {
  explain(error);
}
