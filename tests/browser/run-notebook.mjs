// Opens a lecture notebook in the classic Jupyter Notebook (Debian's) in headless Chromium, runs all
// cells, and checks that a plot image rendered and no error output is shown. Keeps a screenshot.
// Usage: node run-notebook.mjs [NOTEBOOK.ipynb]   (default: notebooks/00-tour.ipynb)
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, freePort, jupyter, kernelOf, startServer } from './jupyter.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const notebookPath = path.resolve(process.argv[2] ?? path.join(root, 'notebooks', '00-tour.ipynb'));
const screenshotDir = path.join(root, 'build', 'browser');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const runTimeoutMs = Number(process.env.NOTEBOOK_RUN_TIMEOUT_MS ?? 180_000);

function fail(message) {
  console.error(`browser test: ${message}`);
  process.exitCode = 1;
}

/** Starts the classic Notebook server and resolves once it says it is running. */
function startNotebookServer(directory, port, token) {
  return startServer(jupyter, [
    'notebook', '--no-browser', '--allow-root', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0',
    `--NotebookApp.token=${token}`, `--NotebookApp.notebook_dir=${directory}`,
  ], port);
}

async function main() {
  kernelOf(notebookPath);
  const port = await freePort();
  const token = randomBytes(24).toString('hex');
  const name = path.basename(notebookPath);
  const { server, ready, log } = startNotebookServer(path.dirname(notebookPath), port, token);
  let browser;
  try {
    await ready;
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}/notebooks/${encodeURIComponent(name)}?token=${token}`);
    await page.waitForFunction(() => window.Jupyter?.notebook?.kernel?.is_connected?.(), null, { timeout: 60_000 });

    const started = Date.now();
    await page.evaluate(() => window.Jupyter.notebook.execute_all_cells());
    // Done when no code cell shows "In [*]" and either every code cell has its execution number or an
    // error stopped the run (the Notebook skips the cells after an error).
    await page.waitForFunction(() => {
      const cells = window.Jupyter.notebook.get_cells()
        .filter((cell) => cell.cell_type === 'code' && cell.get_text().trim() !== '');
      const running = cells.some((cell) => cell.input_prompt_number === '*');
      const allRan = cells.every((cell) => typeof cell.input_prompt_number === 'number');
      return !running && (allRan || document.querySelector('.output_error') !== null);
    }, null, { timeout: runTimeoutMs, polling: 250 });
    const seconds = (Date.now() - started) / 1000;

    const errors = await page.$$eval('.output_error, .output_stderr pre', (nodes) => nodes
      .filter((node) => node.closest('.output_error'))
      .map((node) => node.innerText.split('\n').slice(0, 3).join(' | ')));
    const images = await page.$$eval('.output_area img', (nodes) => nodes
      .filter((img) => img.complete && img.naturalWidth > 0).map((img) => `${img.naturalWidth}x${img.naturalHeight}`));

    mkdirSync(screenshotDir, { recursive: true });
    const screenshot = path.join(screenshotDir, name.replace(/\.ipynb$/, '.png'));
    // The classic Notebook scrolls inside #site, so grow the window to the notebook's height to capture it all.
    const height = await page.evaluate(() => document.querySelector('#notebook-container').scrollHeight + 250);
    await page.setViewportSize({ width: 1280, height: Math.min(height, 30_000) });
    await page.screenshot({ path: screenshot });

    console.log(`${name}: ran all cells in ${seconds.toFixed(1)} s; ${images.length} image(s) rendered ` +
                `(${images.slice(0, 4).join(', ')}); ${errors.length} error output(s); screenshot ${screenshot}`);
    if (errors.length > 0) fail(`error output shown:\n  ${errors.join('\n  ')}`);
    if (images.length === 0) fail('no plot image was rendered');
  } catch (error) {
    fail(`${error.message}\n--- notebook server log ---\n${log.join('').slice(-2000)}`);
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
  }
}

await main().catch((error) => fail(error.message));
