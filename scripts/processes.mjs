// Starting our servers as child processes, for the end-to-end tests, the server tests and the benchmarks: one
// place that knows how each one says where it is listening.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/**
 * Starts `node <args>` in the project folder and resolves once its standard output matches `listening`, whose
 * first group is the address. Rejects with everything it printed when it exits before that.
 * @param {string[]} args @param {{ env?: Record<string, string>, listening: RegExp, stderr?: 'inherit' | 'pipe' }} options
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, url: string }>}
 */
export function startNode(args, { env = {}, listening, stderr = 'inherit' }) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', stderr] });
  return new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk) => (output += chunk);
    child.stdout.on('data', (chunk) => {
      collect(chunk);
      const match = listening.exec(output);
      if (match) resolve({ child, url: match[1] });
    });
    child.stderr?.on('data', collect);
    child.once('exit', (code) => reject(new Error(`node ${args.join(' ')} exited (${code}): ${output}`)));
  });
}

/** `npm start`: the demo (building the bundles first) with the contact endpoint; resolves with its origin. */
export function startDemo(env = {}) {
  return startNode(['scripts/start.mjs'], { env: { PORT: '0', ...env }, listening: /Demo: (http:\/\/[\d.:]+)\// });
}

/**
 * `asskomm-widgets contact-server` on a free port; resolves with its base address (without `/messages`, or without
 * `/towns/<id>/messages` with a towns file).
 */
export function startContactServer(env = {}, stderr = 'inherit') {
  return startNode(['bin/asskomm-widgets.mjs', 'contact-server'], {
    env: { KPR_CONTACT_PORT: '0', ...env },
    listening: /Contact endpoint: (http:\/\/[\d.:]+)\/(?:towns\/<id>\/)?messages/,
    stderr,
  });
}
