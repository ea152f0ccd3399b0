/**
 * `asskomm-widgets validate [--widget <name>] [--json] [--quiet] <file-or-URL>...`: checks feeds as the widgets
 * would read them (src/validator/check-feed.ts) and says, per source, what would not show and how to fix it.
 * Exit status: 0 when everything would show (warnings allowed), 1 when something would not, 2 for a usage error or
 * a source that cannot be read.
 */
import { checkFeed, WHOLE_FEED, WIDGET_NAMES, type FeedProblem, type FeedReport, type WidgetName } from '../validator/check-feed.js';
import { installDomParser } from './dom-shim.js';
import { parseUrl } from '../core/urls.js';
import { expandSources, isWebAddress, probeUrl, readSource, SourceError } from './read-source.js';
import { useClockFromEnvironment } from './environment-clock.js';
import { setClock } from '../core/clock.js';

export const VALIDATE_USAGE = `Usage: asskomm-widgets validate [options] <file-or-URL>...

Checks feeds as the widgets read them, and says what would not show and how to fix it.
A folder stands for the feed files in it (*.json, *.rss, *.atom, *.xml, *.ics).
For a URL, the items' images and links on the feed's own server are asked for too (at most 20, 15 s in all):
one that does not load is a warning. In a file, a path from the site's root (/images/x.png) is a warning.

Options:
  --widget <name>  check for this widget: ${WIDGET_NAMES.join(', ')}
                   (default: inferred from the feed, and said which)
  --json           print the reports as JSON
  --quiet          print only errors and the summary
  --timeout <s>    seconds to wait for a URL (default 10)
  --origin <url>   the site the widget is on, e.g. https://www.bannewitz.de: a URL whose server does not allow
                   it (CORS) is an error. Without it, URLs are asked for from https://example.org, and one
                   that another site cannot read is a warning.

Exit status: 0 everything would show (warnings allowed), 1 something would not, 2 usage error or unreadable source.`;

/**
 * One feed's text checked as `validate --widget <widget>` checks a file, for a program that holds the text (the
 * reference server's feed routes, server/feed-check.mjs), at the instant `at` of the caller's own clock. Nothing is
 * asked for over the network: a file's images and links are not probed.
 */
export async function checkFeedText(text: string, widget: WidgetName, at: Date): Promise<FeedReport> {
  installDomParser();
  setClock(at);
  return checkFeed(text, { source: 'feed.json', widget });
}

/** The Origin a URL is asked for from without --origin: a site that is surely not the feed's own. */
export const NEUTRAL_ORIGIN = 'https://example.org';

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Colour only for a terminal, and never with NO_COLOR set (https://no-color.org): bin/asskomm-widgets.mjs decides. */
  color: boolean;
}

const FORMAT_LABELS: Record<FeedReport['format'], string> = { 'json-feed': 'JSON Feed', rss: 'RSS', atom: 'Atom', icalendar: 'iCalendar', oparl: 'OParl', unknown: 'unknown format' };

export class UsageError extends Error {}

interface Options {
  widget?: WidgetName;
  json: boolean;
  quiet: boolean;
  timeoutMs: number;
  /** The site the widget is on, when given (--origin): a feed it may not read is then an error, not a warning. */
  origin?: string;
  sources: string[];
}

function parseArgs(args: readonly string[]): Options {
  const options: Options = { json: false, quiet: false, timeoutMs: 10_000, sources: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const next = inline ?? args[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    if (name === '--widget') {
      const widget = value().replace(/^kpr-/, '') as WidgetName;
      if (!WIDGET_NAMES.includes(widget)) throw new UsageError(`--widget must be one of ${WIDGET_NAMES.join(', ')}, not "${widget}"`);
      options.widget = widget;
    } else if (name === '--json') options.json = true;
    else if (name === '--quiet' || name === '-q') options.quiet = true;
    else if (name === '--timeout') {
      const seconds = Number(value());
      if (!(seconds > 0)) throw new UsageError('--timeout must be a number of seconds above 0');
      options.timeoutMs = seconds * 1000;
    } else if (name === '--origin') {
      const site = value();
      const url = /^https?:\/\//i.test(site) && URL.canParse(site) ? new URL(site) : undefined;
      if (!url) throw new UsageError(`--origin must be the address of the site the widget is on, such as https://www.bannewitz.de, not "${site}"`);
      options.origin = url.origin;
    } else if (name === '--') options.sources.push(...args.slice(i + 1)), (i = args.length);
    else if (name!.startsWith('-') && name !== '-') throw new UsageError(`unknown option ${name}`);
    else if (arg === '-') throw new UsageError('cannot read a feed from standard input: name a file or a URL');
    else options.sources.push(arg);
  }
  if (options.sources.length === 0) throw new UsageError('name at least one feed file or URL');
  return options;
}

/** Runs the command; resolves to the exit status. */
export async function runValidate(args: readonly string[], output: Output): Promise<number> {
  useClockFromEnvironment();
  let options: Options;
  try {
    options = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`asskomm-widgets validate: ${error.message}\n\n${VALIDATE_USAGE}`);
    return 2;
  }
  installDomParser();
  const paint = painter(output.color);
  const { sources, ignored } = await expandSources(options.sources);
  if (!options.json && !options.quiet) for (const folder of ignored) output.out(`${folder}: a folder without feed files, left out\n`);
  const reports: FeedReport[] = [];
  const unreadable: Array<{ source: string; message: string; fix: string }> = [];
  for (const source of sources) {
    let text: string;
    // A URL is asked for as a widget on another site would (with an Origin header), so the same answer tells
    // whether such a widget may read it (CORS); a feed on the widget's own site needs no header.
    const site = options.origin ?? NEUTRAL_ORIGIN;
    const crossSite = isWebAddress(source) && parseUrl(source)?.origin !== site;
    let allowed: string | null = null;
    try {
      text = await readSource(source, { timeoutMs: options.timeoutMs, ...(crossSite ? { headers: { Origin: site }, onHeaders: (headers: Headers) => (allowed = headers.get('access-control-allow-origin')) } : {}) });
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      unreadable.push({ source, message: error.message, fix: error.fix });
      if (!options.json) output.err(`${paint.bold(source)}\n  ${paint.red('cannot read it:')} ${error.message}\n${paint.dim(`    fix: ${error.fix}`)}\n`);
      continue;
    }
    // A feed read from a URL has its images and links on that server asked for: a missing image is found here,
    // not by residents. (A file's are warned about when they depend on the site that serves it.)
    const probe = isWebAddress(source) ? (url: string) => probeUrl(url, { timeoutMs: Math.min(options.timeoutMs, 5_000) }) : undefined;
    const report = await checkFeed(text, { source, ...(options.widget ? { widget: options.widget } : {}), ...(probe ? { probe } : {}) });
    if (crossSite && report.widget !== 'contact') {
      const problem = corsProblem(allowed, site, options.origin);
      if (problem) report.problems.unshift(problem);
      report.ok &&= problem?.severity !== 'error';
    }
    reports.push(report);
    if (!options.json) print(report, options, output, paint);
  }
  const failed = reports.filter((report) => !report.ok).length;
  const code = unreadable.length || sources.length === 0 ? 2 : failed ? 1 : 0;
  if (options.json) {
    output.out(JSON.stringify({ ok: code === 0, reports, unreadable, ignored }, null, 2));
    return code;
  }
  const errors = reports.reduce((sum, report) => sum + report.problems.filter((p) => p.severity === 'error').length, 0);
  const warnings = reports.reduce((sum, report) => sum + report.problems.filter((p) => p.severity === 'warning').length, 0);
  const parts = [
    `${reports.length - failed} of ${sources.length} ${sources.length === 1 ? 'source' : 'sources'} would show completely`,
    `${errors} ${errors === 1 ? 'error' : 'errors'}`,
    `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
    ...(unreadable.length ? [`${unreadable.length} unreadable`] : []),
  ];
  const summary = parts.join(', ');
  output.out(code === 0 ? paint.green(`✔ ${summary}`) : paint.red(`✘ ${summary}`));
  return code;
}

/** Whether a widget on `site` may read the feed (CORS), from the answer's Access-Control-Allow-Origin header. */
function corsProblem(allowed: string | null, site: string, origin: string | undefined): FeedProblem | undefined {
  if (allowed?.trim() === '*' || allowed?.trim() === site) return undefined;
  const says = allowed === null ? 'the server sends no Access-Control-Allow-Origin header' : `the server's Access-Control-Allow-Origin header allows only ${JSON.stringify(allowed)}`;
  if (origin) {
    return {
      severity: 'error',
      code: 'cors-not-allowed',
      path: WHOLE_FEED,
      message: `a widget on ${origin} cannot read this feed: ${says} (CORS), so the widget shows its error instead`,
      fix: `Have the feed's server send "Access-Control-Allow-Origin: *" (or "${origin}") as docs/cors.md shows, or serve the feed from ${origin} itself with the feed bridge (asskomm-widgets bridge).`,
    };
  }
  return {
    severity: 'warning',
    code: 'cors-not-allowed',
    path: WHOLE_FEED,
    message: `a widget on another site cannot read this feed: ${says} (CORS)`,
    fix: 'If the widget is on another site than the feed, have the feed\'s server send "Access-Control-Allow-Origin: *" as docs/cors.md shows, or serve the feed from that site with the feed bridge (asskomm-widgets bridge); --origin <your site> checks for your site.',
  };
}

function print(report: FeedReport, { quiet }: Options, output: Output, paint: Painter): void {
  const shown = report.problems.filter((problem) => !quiet || problem.severity === 'error');
  if (quiet && shown.length === 0) return;
  const widget = report.widget ? ` for <kpr-${report.widget}>${report.inferredFrom ? ` (inferred: ${report.inferredFrom})` : ''}` : '';
  // A contact message is no feed: what <kpr-contact> sends, checked for the endpoint's developers.
  const format = report.widget === 'contact' && report.format === 'unknown' ? 'a contact message (docs/contact-api.md)' : FORMAT_LABELS[report.format];
  const lines = [paint.bold(report.source), `  ${format}${widget}; ${report.items} read, ${report.shown} shown`];
  for (const problem of shown) {
    const mark = problem.severity === 'error' ? paint.red('error') : paint.yellow('warning');
    lines.push(`  ${mark} [${problem.code}] ${problem.path}: ${problem.message}`, paint.dim(`    fix: ${problem.fix}`));
  }
  output.out(`${lines.join('\n')}\n`);
}

interface Painter {
  bold(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
}

function painter(color: boolean): Painter {
  const code = (open: number, close: number) => (text: string) => (color ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return { bold: code(1, 22), red: code(31, 39), yellow: code(33, 39), green: code(32, 39), dim: code(2, 22) };
}
