// Offline slides: bin/slides executes a small notebook and exports it with reveal.js copied beside it, then
// serves the folder. Headless Chromium, with every request that would leave the machine refused, must show
// the executed slides (from the server and from the file), step through them, and never ask the network;
// serving must leave the executed slides as they were.
// Usage: node check-slides.mjs   (tests/browser/slides installs what it needs and runs it)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const exportTimeoutMs = Number(process.env.SLIDES_EXPORT_TIMEOUT_MS ?? 240_000);
const problems = [];

function fail(message) {
  problems.push(message);
}

function cell(type, source, slideType) {
  const base = { cell_type: type, metadata: { slideshow: { slide_type: slideType } }, source };
  return type === 'code' ? { ...base, execution_count: null, outputs: [] } : base;
}

/** A notebook of four marked cells: a title slide, a Java cell with a result, speaker notes, printed output. */
function writeSample(directory) {
  const notebook = {
    nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: 'concurrency-lab', display_name: 'Java', language: 'java' } },
    cells: [
      cell('markdown', '# Offline slides\n\nShown without a network.', 'slide'),
      cell('code', 'String greet(String who) { return "Hello, " + who; }\ngreet("slides")', 'slide'),
      cell('markdown', 'Speaker notes for the greeting.', 'notes'),
      cell('code', 'System.out.println("six times seven is " + (6 * 7));', 'subslide'),
    ].map((c, i) => ({ id: `cell-${i}`, ...c })),
  };
  const file = path.join(directory, 'offline-sample.ipynb');
  writeFileSync(file, JSON.stringify(notebook, null, 1));
  return file;
}

/** Runs bin/slides --serve and resolves with the URL it serves once the slides are written. */
function exportAndServe(notebook, out) {
  const child = spawn(path.join(root, 'bin', 'slides'), ['--serve', '--port', '0', '--out', out, notebook],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  const served = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bin/slides did not serve within ${exportTimeoutMs} ms:\n${log.join('')}`)),
      exportTimeoutMs);
    const onData = (chunk) => {
      log.push(chunk.toString());
      const match = log.join('').match(/Serving (http:\/\/127\.0\.0\.1:\d+\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`bin/slides exited with ${code}:\n${log.join('')}`)); });
  });
  return { child, served, log };
}

const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Loads the slides with only `allowed` reachable; returns what the page showed and asked for. */
async function show(browser, url, allowed) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const refused = [];
  await context.route('**/*', (route) => {
    const requested = route.request().url();
    if (allowed(requested)) return route.continue();
    refused.push(requested);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  await page.goto(url);
  await page.waitForFunction(() => window.Reveal && window.Reveal.isReady(), null, { timeout: 20_000 });
  mkdirSync(path.join(root, 'build', 'browser'), { recursive: true });
  await page.screenshot({ path: path.join(root, 'build', 'browser', `slides-${url.startsWith('file') ? 'file' : 'served'}.png`) });
  const shown = await page.evaluate(() => {
    const Reveal = window.Reveal;
    const first = Reveal.getIndices();
    Reveal.next();
    const second = Reveal.getIndices();
    return {
      total: Reveal.getTotalSlides(),
      moved: first.h !== second.h || first.v !== second.v,
      text: document.querySelector('.reveal .slides').innerText,
      notes: [...document.querySelectorAll('aside.notes')].map((n) => n.innerText).join(' '),
      theme: getComputedStyle(document.querySelector('.reveal')).fontFamily,
    };
  });
  await context.close();
  return { ...shown, refused, errors };
}

function check(where, shown) {
  if (shown.refused.length) fail(`${where}: the page asked the network for ${shown.refused.join(', ')}`);
  if (shown.errors.length) fail(`${where}: ${shown.errors.join('; ')}`);
  if (shown.total < 3) fail(`${where}: ${shown.total} slides, expected 3`);
  if (!shown.moved) fail(`${where}: Reveal.next() did not move to the next slide`);
  if (!shown.text.includes('"Hello, slides"')) fail(`${where}: the executed result "Hello, slides" is missing`);
  if (!shown.text.includes('six times seven is 42')) fail(`${where}: the printed output is missing`);
  if (!shown.notes.includes('Speaker notes for the greeting.')) fail(`${where}: the speaker notes are missing`);
  if (!/Source Sans Pro/i.test(shown.theme)) fail(`${where}: the reveal.js theme did not load (font ${shown.theme})`);
}

const scratch = mkdtempSync(path.join(tmpdir(), 'concurrency-lab-slides-'));
let server;
let browser;
try {
  const notebook = writeSample(scratch);
  const out = path.join(scratch, 'slides');
  const run = exportAndServe(notebook, out);
  server = run.child;
  const url = await run.served;
  const page = path.join(out, 'offline-sample.slides.html');
  const before = sha(page);
  const origin = new URL(url).origin;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    // No name resolves but the loopback address: nothing can leave the machine even past the routing below.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  check('served', await show(browser, url, (requested) => requested.startsWith(`${origin}/`)));
  check('file', await show(browser, pathToFileURL(page).href, (requested) => requested.startsWith('file:')));
  if (sha(page) !== before) fail('serving changed the slides file (it must serve the executed export as it is)');
  if (!readFileSync(page, 'utf8').includes('Hello, slides')) fail('the slides file lacks the executed result');
} catch (error) {
  fail(error.stack ?? String(error));
} finally {
  if (browser) await browser.close();
  if (server && server.exitCode === null) server.kill('SIGINT');
  rmSync(scratch, { recursive: true, force: true });
}
if (problems.length) {
  for (const problem of problems) console.error(`slides test: ${problem}`);
  process.exit(1);
}
console.log('slides test: executed slides shown offline (served and from the file), notes and theme present, nothing fetched from the network');
