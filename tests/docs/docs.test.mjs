// The webmaster docs against reality: every relative link in README.md and docs/ reaches a file (and a heading,
// when it names one), every Content-Security-Policy line in them is the one `npm start` sends, and the PHP they
// show parses. Run by `npm test` with the other node tests; alone: `node --test tests/docs/`.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../../scripts/security-headers.mjs';
import { root, tempDir } from '../support/node.mjs';

/** README.md and every Markdown file under docs/. */
function markdownFiles() {
  const found = [join(root, 'README.md')];
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) found.push(path);
    }
  };
  walk(join(root, 'docs'));
  return found;
}

/** The file's lines, each with whether it is inside a fenced code block and that block's language. */
function lines(text) {
  let fence;
  return text.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (marker && !fence) {
      fence = { marker: marker[1], language: marker[2] };
      return { line, fenced: false, fenceStart: true };
    }
    if (fence && line.trim().startsWith(fence.marker)) {
      fence = undefined;
      return { line, fenced: false };
    }
    return { line, fenced: Boolean(fence), language: fence?.language };
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(text) {
  const seen = new Map();
  const result = new Set();
  for (const { line, fenced } of lines(text)) {
    const heading = !fenced && /^(?:>\s*)*#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const plain = heading[1]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // a link's text
      .replace(/`/g, '')
      .toLowerCase();
    const slug = plain.replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count ? `${slug}-${count}` : slug);
  }
  return result;
}

/** Inline links `[text](target)` outside code, with their line numbers. */
function links(text) {
  const found = [];
  lines(text).forEach(({ line, fenced }, index) => {
    if (fenced) return;
    const outsideCode = line.replace(/`[^`]*`/g, '');
    for (const match of outsideCode.matchAll(/\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) found.push({ target: match[1], line: index + 1 });
  });
  return found;
}

const files = markdownFiles();

test('the docs exist that the README and Storybook point to', () => {
  for (const name of ['embedding', 'typo3', 'wordpress', 'cors', 'privacy', 'accessibility-statement']) {
    assert.ok(existsSync(join(root, 'docs', `${name}.md`)), `docs/${name}.md is missing`);
  }
});

test('every relative link in README.md and docs/ reaches an existing file and heading', () => {
  const broken = [];
  let checked = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const { target, line } of links(text)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: and the like
      checked += 1;
      const [path, anchor] = target.split('#');
      const destination = path ? resolve(dirname(file), decodeURI(path)) : file;
      const where = `${relative(root, file)}:${line} → ${target}`;
      if (!existsSync(destination)) {
        broken.push(`${where}: no such file`);
        continue;
      }
      if (anchor === undefined) continue;
      if (!destination.endsWith('.md')) {
        broken.push(`${where}: an anchor into a file that is not Markdown`);
        continue;
      }
      if (!anchors(readFileSync(destination, 'utf8')).has(decodeURIComponent(anchor))) broken.push(`${where}: no heading with this anchor`);
    }
  }
  assert.ok(checked > 30, `only ${checked} relative links found: is the link reader broken?`);
  assert.deepEqual(broken, []);
});

test('the anchor reader agrees with GitHub on headings with punctuation', () => {
  // These are anchors the docs use; if the slug rules drift, links that work on GitHub would be reported here.
  assert.ok(anchors('## 4. Check that it works').has('4-check-that-it-works'));
  assert.ok(anchors("## Privacy and retention (for the town's privacy notice)").has('privacy-and-retention-for-the-towns-privacy-notice'));
  assert.ok(anchors("## 4. TYPO3's Content-Security-Policy (v12.3 and later)").has('4-typo3s-content-security-policy-v123-and-later'));
  assert.ok(anchors('## Feeds\n## Feeds').has('feeds-1'));
  assert.ok(!anchors('```\n## not a heading\n```').has('not-a-heading'));
});

test('every Content-Security-Policy line in the docs is the one the demo sends', () => {
  const policies = [];
  for (const file of files) {
    for (const { line, fenced } of lines(readFileSync(file, 'utf8'))) {
      if (fenced && /^\s*default-src\b/.test(line)) policies.push({ file: relative(root, file), policy: line.trim() });
    }
  }
  assert.ok(policies.some(({ file }) => file === 'README.md'), 'the README shows the policy');
  for (const { file, policy } of policies) assert.equal(policy, CONTENT_SECURITY_POLICY, `${file} shows a policy the demo does not send`);
  // …and the demo really sends it: start.mjs takes its headers from the same module.
  const start = readFileSync(join(root, 'scripts/start.mjs'), 'utf8');
  assert.match(start, /import \{ SECURITY_HEADERS \} from '\.\/security-headers\.mjs';/);
  assert.doesNotMatch(start, /Content-Security-Policy'?\s*:/, 'start.mjs sets no policy of its own');
});

// `npm start` builds the bundles into dist/ too, but only `npm run build` writes all the files webmasters upload
// (the licences last of those): without them this checks a partial dist/, unless .ci/run says the build has just run.
const fullBuild = process.env.KPR_AFTER_BUILD === '1' || existsSync(join(root, 'dist/THIRD-PARTY-LICENSES.txt'));

test('the files the docs tell webmasters to upload are what the build writes', { skip: !fullBuild && 'no complete dist/ (run npm run build)' }, () => {
  for (const file of ['asskomm-widgets.js', 'asskomm-widgets.iife.js', 'THIRD-PARTY-LICENSES.txt']) assert.ok(existsSync(join(root, 'dist', file)), `dist/${file}`);
  const bundle = readdirSync(join(root, 'dist/bundle')).filter((name) => name.endsWith('.js'));
  assert.ok(bundle.length > 10, 'dist/bundle/ holds the lazy parts');
  // The ES build finds its parts relative to its own address, which is why bundle/ must sit next to it.
  assert.match(readFileSync(join(root, 'dist/asskomm-widgets.js'), 'utf8'), /import\(`\.\/bundle\//);
  assert.doesNotMatch(readFileSync(join(root, 'dist/asskomm-widgets.iife.js'), 'utf8'), /bundle\//, 'the classic build is one file');
});

const php = spawnSync('php', ['--version']).status === 0;

test('the PHP in the docs parses', { skip: !php && 'php is not installed' }, (t) => {
  const folder = tempDir(t, 'kpr-docs-php-');
  const sources = [join(root, 'docs/wordpress/asskomm-widgets.php')];
  for (const file of files) {
    let block;
    for (const { line, fenced, language } of lines(readFileSync(file, 'utf8'))) {
      if (fenced && language === 'php') (block ??= []).push(line);
      else if (block) {
        const code = block.join('\n');
        const snippet = join(folder, `${sources.length}.php`);
        writeFileSync(snippet, code.trimStart().startsWith('<?php') ? code : `<?php\n${code}\n`);
        sources.push(snippet);
        block = undefined;
      }
    }
  }
  assert.ok(sources.length >= 3, 'the plugin and the snippets in typo3.md and cors.md');
  for (const source of sources) {
    const lint = spawnSync('php', ['-l', source], { encoding: 'utf8' });
    assert.equal(lint.status, 0, `${source}: ${lint.stdout}${lint.stderr}`);
  }
});

test('the WordPress plugin writes only known attributes, escaped, and asks for the script module', { skip: !php && 'php is not installed' }, (t) => {
  // WordPress's functions as stubs that record what the plugin asked for; escaping as strict as WordPress's.
  const harness = `<?php
define('ABSPATH', '/');
$GLOBALS['enqueued'] = [];
function add_action($hook, $callback) { if ($hook === 'init') $callback(); }
function add_filter() {}
function add_shortcode($tag, $callback) { $GLOBALS['shortcodes'][$tag] = $callback; }
function plugins_url($path, $file) { return 'https://www.bannewitz.de/wp-content/plugins/asskomm-widgets/' . $path; }
function wp_enqueue_script_module($id, $src, $deps = [], $version = false) { $GLOBALS['enqueued'][] = [$id, $src]; }
function esc_attr($text) { return htmlspecialchars((string) $text, ENT_QUOTES); }
function esc_url($url) { return preg_match('#^(https?://|/)#', $url) ? htmlspecialchars($url, ENT_QUOTES) : ''; }
function wp_kses_post($html) { return preg_replace('#<script.*?</script>#s', '', $html); }
require ${JSON.stringify(join(root, 'docs/wordpress/asskomm-widgets.php'))};
$render = $GLOBALS['shortcodes']['kpr_news'];
echo $render(['src' => '/praevention/news.json  https://www.lpr.example/a.json', 'limit' => '5"><script>x</script>', 0 => 'eager', 'onclick' => 'alert(1)'], '<a href="/aktuelles">Alle</a><script>bad()</script>', 'kpr_news'), "\\n";
echo $GLOBALS['shortcodes']['kpr_contact'](['endpoint' => 'javascript:alert(1)', 'privacy-url' => '/datenschutz', 'persist-draft' => ''], '', 'kpr_contact'), "\\n";
echo json_encode($GLOBALS['enqueued']), "\\n";
echo json_encode(array_keys($GLOBALS['shortcodes'])), "\\n";
`;
  const script = join(tempDir(t, 'kpr-wp-'), 'harness.php');
  writeFileSync(script, harness);
  const [news, contact, enqueued, shortcodes] = execFileSync('php', [script], { encoding: 'utf8' }).trim().split('\n');
  assert.equal(
    news,
    '<kpr-news-feed src="/praevention/news.json https://www.lpr.example/a.json" limit="5&quot;&gt;&lt;script&gt;x&lt;/script&gt;" eager><a href="/aktuelles">Alle</a></kpr-news-feed>',
  );
  assert.equal(contact, '<kpr-contact privacy-url="/datenschutz" persist-draft></kpr-contact>');
  assert.deepEqual(JSON.parse(enqueued), [
    ['asskomm-widgets', 'https://www.bannewitz.de/wp-content/plugins/asskomm-widgets/assets/asskomm-widgets.js'],
    ['asskomm-widgets', 'https://www.bannewitz.de/wp-content/plugins/asskomm-widgets/assets/asskomm-widgets.js'],
  ]);
  assert.deepEqual(JSON.parse(shortcodes), ['kpr_news', 'kpr_tips', 'kpr_events', 'kpr_goals', 'kpr_contact']);
});

/** A widget's attributes from its `static properties` (Lit's default attribute is the lower-cased name), with whether each is a Boolean. */
function widgetAttributes(tag) {
  const folder = tag.replace(/^kpr-/, '');
  const source = readFileSync(join(root, 'src/widgets', folder, `${folder}.ts`), 'utf8');
  const block = /static override properties = \{([\s\S]*?)\n {2}\};/.exec(source)?.[1];
  assert.ok(block, `${tag}: no static properties found`);
  const attributes = new Map();
  for (const [, name, options] of block.matchAll(/^\s*(\w+): \{([^}]*)\}/gm)) {
    if (/state: true/.test(options)) continue;
    const attribute = /attribute: '([\w-]+)'/.exec(options)?.[1] ?? name.toLowerCase();
    attributes.set(attribute, /type: Boolean/.test(options));
  }
  return attributes;
}

test('each WordPress shortcode passes on exactly its widget’s attributes, and wordpress.md lists them', { skip: !php && 'php is not installed' }, (t) => {
  const script = join(tempDir(t, 'kpr-wp-'), 'elements.php');
  writeFileSync(script, `<?php
define('ABSPATH', '/');
function add_action() {}
function add_filter() {}
require ${JSON.stringify(join(root, 'docs/wordpress/asskomm-widgets.php'))};
echo json_encode(asskomm_widgets_elements());
`);
  const elements = JSON.parse(execFileSync('php', [script], { encoding: 'utf8' }));
  // What a shortcode cannot carry, and why: a shortcode attribute cannot hold `[` or `]` (wordpress.md says so).
  const left = { 'kpr-contact': ['topics'] };
  const table = readFileSync(join(root, 'docs/wordpress.md'), 'utf8');
  for (const [shortcode, { tag, attributes }] of Object.entries(elements)) {
    const real = widgetAttributes(tag);
    real.set('lang', false); // global HTML attribute, read by every widget
    for (const [name, kind] of Object.entries(attributes)) {
      assert.ok(real.has(name), `[${shortcode}] passes ${name}, which <${tag}> does not have`);
      assert.equal(kind === 'flag', real.get(name), `[${shortcode}] ${name}: a flag exactly when the widget's property is a Boolean`);
    }
    const missing = [...real.keys()].filter((name) => !(name in attributes) && !(left[tag] ?? []).includes(name));
    assert.deepEqual(missing, [], `[${shortcode}] drops attributes of <${tag}>`);
    const row = new RegExp(`^\\| \`\\[${shortcode}\\]\` \\| \`<${tag}>\` \\| (.*) \\|$`, 'm').exec(table);
    assert.ok(row, `wordpress.md has a row for [${shortcode}]`);
    assert.deepEqual([...row[1].matchAll(/`([\w-]+)`/g)].map((m) => m[1]).sort(), Object.keys(attributes).sort(), `wordpress.md's row for [${shortcode}]`);
  }
});
