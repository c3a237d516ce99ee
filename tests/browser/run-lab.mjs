// Opens a lecture notebook in the JupyterLab notebook page (tests/browser/lab: JupyterLab's own
// notebook, output area, rendermime, completer and tooltip), served by jupyter-server, in headless
// Chromium, and checks as a user would: run all cells with no error output and plots rendered; Tab
// completes `Math.ma` with `max(`; Shift+Tab shows Javadoc; a cell reading System.in shows an input
// box and gets what is typed; a %%speedup progress bar updates in place; the stop button ends a
// tight loop; restart starts afresh. Screenshots go to build/browser/lab-*.png.
// Usage: node run-lab.mjs PAGE_DIR NOTEBOOK.ipynb...   (PAGE_DIR: the built page, see lab/build.mjs)
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, freePort, kernelOf, python, startServer } from './jupyter.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [pageDir, ...notebooks] = process.argv.slice(2).map((arg) => path.resolve(arg));
const screenshotDir = path.join(root, 'build', 'browser');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const runTimeoutMs = Number(process.env.NOTEBOOK_RUN_TIMEOUT_MS ?? 180_000);
const stepTimeoutMs = 60_000;  // one cell or one answer from the kernel; generous for a busy machine

const SPEEDUP_CELL = [
  '%%speedup -m threads,virtual -w 1,2 -r 1',
  'long block = 400_000 / Task.count();',
  'LongStream.range(Task.index() * block, (Task.index() + 1) * block).map(i -> i % 7).sum()',
].join('\n');
const STDIN_CELL = [
  'var in = new Scanner(System.in);',
  'System.out.print("Your name? ");',
  'String name = in.nextLine();',
  '"Hello, " + name',
].join('\n');

/** Starts jupyter-server with the page's folder among its static paths: /static/PAGE_FOLDER/index.html. */
function startJupyterServer(directory, port, token) {
  return startServer(python, [
    '-m', 'jupyter_server', '--no-browser', '--allow-root', '--ServerApp.ip=127.0.0.1', `--ServerApp.port=${port}`,
    '--ServerApp.port_retries=0', `--ServerApp.token=${token}`, `--ServerApp.root_dir=${directory}`,
    `--ServerApp.extra_static_paths=${JSON.stringify([path.dirname(pageDir)])}`,
  ], port);
}

/** One notebook open in the page; each method is a user's action or what the user sees. */
class LabNotebook {
  constructor(page, name) {
    this.page = page;
    this.name = name;
  }

  async waitForStatus(status, timeout = stepTimeoutMs) {
    await this.page.locator(`.jp-Notebook-ExecutionIndicator[data-status="${status}"]`)
      .waitFor({ state: 'attached', timeout });
  }

  /** The notebook's session has a kernel, connected and idle. */
  async kernelReady() {
    await this.page.evaluate(() => window.lab.panel.sessionContext.ready);
    await this.page.waitForFunction(() => {
      const kernel = window.lab.panel.sessionContext.session?.kernel;
      return kernel?.connectionStatus === 'connected' && kernel.status === 'idle';
    }, null, { timeout: stepTimeoutMs, polling: 100 });
  }

  /** Keeps build/browser/lab-NOTEBOOK-STEP.png; the whole notebook grows the window to its height first. */
  async screenshot(step, { wholeNotebook = false } = {}) {
    mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `lab-${this.name.replace(/\.ipynb$/, '')}-${step}.png`);
    const viewport = this.page.viewportSize();
    if (wholeNotebook) {
      const height = await this.page.evaluate(() => {
        window.lab.panel.content.node.querySelector('.jp-WindowedPanel-outer').scrollTop = 0;
        return window.lab.panel.content.node.querySelector('.jp-WindowedPanel-viewport').scrollHeight + 100;
      });
      await this.page.setViewportSize({ width: viewport.width, height: Math.min(height, 30_000) });
    }
    await this.page.screenshot({ path: file });
    await this.page.setViewportSize(viewport);
    return file;
  }

  /** Run › Run All Cells; resolves when the notebook's own run-all finished. */
  async runAll() {
    return this.page.evaluate(() => window.lab.NotebookActions.runAll(
      window.lab.panel.content, window.lab.panel.sessionContext, window.lab.dialogs));
  }

  /** Per code cell: its error outputs (ename: first line) and the images and SVGs it shows. */
  async outputs() {
    return this.page.evaluate(() => window.lab.panel.content.widgets
      .filter((cell) => cell.model.type === 'code')
      .map((cell) => ({
        errors: cell.model.outputs.toJSON().filter((out) => out.output_type === 'error')
          .map((out) => `${out.ename}: ${String(out.evalue).split('\n')[0]}`),
        images: [...cell.node.querySelectorAll('.jp-OutputArea-output img')]
          .filter((img) => img.complete && img.naturalWidth > 0).length
          + cell.node.querySelectorAll('.jp-OutputArea-output svg').length,
        running: cell.model.executionCount === null && cell.node.querySelector('.jp-InputPrompt')?.textContent.includes('*'),
      })));
  }

  /** Adds a code cell at the end (toolbar's + button below the last cell), with SOURCE, in edit mode. */
  async addCell(source) {
    await this.page.evaluate(() => {
      const notebook = window.lab.panel.content;
      notebook.activeCellIndex = notebook.widgets.length - 1;
      notebook.mode = 'command';
    });
    await this.page.locator('.jp-Toolbar-item[data-jp-item-name="insert"] button').click();
    // By position: Shift+Enter in the last cell adds another one below it.
    const index = await this.page.evaluate(() => window.lab.panel.content.activeCellIndex);
    const cell = this.page.locator('.jp-Notebook .jp-Cell').nth(index);
    await cell.locator('.cm-content').click();
    if (source.includes('\n')) {
      // Multi-line cells are pasted in one piece; typing them would add the editor's auto-indent.
      await this.page.evaluate((text) => window.lab.panel.content.activeCell.model.sharedModel.setSource(text), source);
    } else {
      await this.page.keyboard.type(source);
    }
    return cell;
  }

  /** Shift+Enter in CELL, then waits until it has run (its prompt shows a number). */
  async run(cell, timeout = stepTimeoutMs) {
    await cell.locator('.cm-content').click();
    await this.page.keyboard.press('Shift+Enter');
    await cell.locator('.jp-InputPrompt').filter({ hasText: /\[\d+\]/ }).waitFor({ timeout });
  }

  async text(cell) {
    return cell.locator('.jp-OutputArea').innerText();
  }
}

const checks = {
  async runAll(lab) {
    const started = Date.now();
    if (!await lab.runAll()) throw new Error('Run All did not run the notebook');
    await lab.waitForStatus('idle', runTimeoutMs);
    const cells = await lab.outputs();
    const errors = cells.flatMap((cell) => cell.errors);
    const images = cells.reduce((sum, cell) => sum + cell.images, 0);
    const shot = await lab.screenshot('run-all', { wholeNotebook: true });
    if (errors.length > 0) throw new Error(`error output shown:\n  ${errors.join('\n  ')}`);
    if (images === 0) throw new Error('no plot was rendered');
    if (cells.some((cell) => cell.running)) throw new Error('a cell still shows [*] after run-all ended');
    return `${cells.length} code cells in ${((Date.now() - started) / 1000).toFixed(1)} s, ${images} plot(s), ` +
           `no error output (${shot})`;
  },

  async completion(lab) {
    const cell = await lab.addCell('Math.ma');
    await lab.page.keyboard.press('Tab');
    const item = lab.page.locator('.jp-Completer .jp-Completer-item', { hasText: /^max\(/ }).first();
    await item.waitFor({ timeout: stepTimeoutMs });
    const shot = await lab.screenshot('completer');
    await item.click();
    const source = await cell.locator('.cm-content').innerText();
    if (!source.startsWith('Math.max(')) throw new Error(`choosing max( left the cell as '${source}'`);
    return `Tab offered max( and choosing it gave '${source}' (${shot})`;
  },

  async tooltip(lab) {
    const cell = await lab.addCell('Math.max(1, 2)');
    await cell.locator('.cm-content').press('Home');
    for (let i = 0; i < 'Math.ma'.length; i++) await lab.page.keyboard.press('ArrowRight');
    await lab.page.keyboard.press('Shift+Tab');
    const tooltip = lab.page.locator('.jp-Tooltip');
    await tooltip.waitFor({ timeout: stepTimeoutMs });
    const text = await tooltip.innerText();
    const shot = await lab.screenshot('tooltip');
    if (!/max\(/.test(text) || !/greater/i.test(text)) {
      throw new Error(`the tooltip does not show Math.max's signature and Javadoc:\n${text.slice(0, 400)}`);
    }
    await lab.page.keyboard.press('Escape');
    return `Shift+Tab showed '${text.split('\n').find((line) => /greater/i.test(line)).trim().slice(0, 60)}' (${shot})`;
  },

  async stdin(lab) {
    const cell = await lab.addCell(STDIN_CELL);
    await cell.locator('.cm-content').click();
    await lab.page.keyboard.press('Shift+Enter');
    const input = cell.locator('.jp-Stdin-input');
    await input.waitFor({ timeout: stepTimeoutMs });
    await input.fill('Ada');
    await input.press('Enter');
    await cell.locator('.jp-OutputArea', { hasText: 'Hello, Ada' }).waitFor({ timeout: stepTimeoutMs });
    return 'the input box appeared and the cell read what was typed: Hello, Ada';
  },

  async progress(lab) {
    const cell = await lab.addCell(SPEEDUP_CELL);
    // Records every state of the progress bar as the page shows it, and how many bars there were.
    await lab.page.evaluate(() => {
      const seen = window.progressSeen = { values: [], most: 0 };
      const node = window.lab.panel.content.activeCell.node;
      new MutationObserver(() => {
        const bars = node.querySelectorAll('.jp-OutputArea progress');
        seen.most = Math.max(seen.most, bars.length);
        const value = bars[0]?.getAttribute('value');
        if (value !== undefined && seen.values.at(-1) !== value) seen.values.push(value);
      }).observe(node, { subtree: true, childList: true, attributes: true });
    });
    await lab.run(cell, runTimeoutMs);
    const { values, most } = await lab.page.evaluate(() => window.progressSeen);
    const output = await lab.text(cell);
    if (most !== 1) throw new Error(`expected one progress bar updated in place, saw up to ${most} at once`);
    if (values.length < 3) throw new Error(`the progress bar did not move step by step: values ${values.join(', ')}`);
    if (!/speedup/.test(output) || !/computed the same result/.test(output)) {
      throw new Error(`%%speedup did not show its table:\n${output.slice(0, 400)}`);
    }
    return `one progress bar, updated in place through ${values.join(' → ')}, then the speedup table`;
  },

  async interrupt(lab) {
    const cell = await lab.addCell('long spins = 0; while (true) { spins++; }');
    await cell.locator('.cm-content').click();
    await lab.page.keyboard.press('Shift+Enter');
    await lab.waitForStatus('busy');
    const pressed = Date.now();
    await lab.page.locator('.jp-Toolbar-item[data-jp-item-name="interrupt"] button').click();
    await cell.locator('.jp-InputPrompt').filter({ hasText: /\[\d+\]/ }).waitFor({ timeout: stepTimeoutMs });
    await lab.waitForStatus('idle');
    const output = await lab.text(cell);
    if (!/Interrupt/i.test(output)) throw new Error(`the stopped cell does not say it was interrupted:\n${output}`);
    return `the stop button ended the loop in ${((Date.now() - pressed) / 1000).toFixed(1)} s: ` +
           `'${output.split('\n').find((line) => /Interrupt/i.test(line)).trim().slice(0, 70)}'`;
  },

  async restart(lab) {
    await lab.page.locator('.jp-Toolbar-item[data-jp-item-name="restart"] button').click();
    await lab.page.locator('.jp-Dialog .jp-mod-accept').click();  // "Restart" in the confirmation dialog
    await lab.waitForStatus('idle');
    const cell = await lab.addCell('spins');
    await lab.run(cell);
    const output = await lab.text(cell);
    const prompt = await cell.locator('.jp-InputPrompt').innerText();
    if (!prompt.includes('[1]')) throw new Error(`the first cell after restart shows ${prompt}, not [1]`);
    if (!/cannot find symbol/.test(output)) throw new Error(`a variable of the old kernel is still there:\n${output}`);
    await lab.screenshot('restarted');
    return `after restart the first cell is [1] and the old variable is gone ('${output.split('\n')[0].slice(0, 60)}')`;
  },
};

async function checkNotebook(browser, port, token, notebookPath) {
  const name = path.basename(notebookPath);
  const stem = `lab-${name.replace(/\.ipynb$/, '')}-`;
  mkdirSync(screenshotDir, { recursive: true });
  readdirSync(screenshotDir).filter((file) => file.startsWith(stem)).forEach((file) => rmSync(path.join(screenshotDir, file)));
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(stepTimeoutMs);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const failures = [];
  try {
    await page.goto(`http://127.0.0.1:${port}/static/${path.basename(pageDir)}/index.html?path=${encodeURIComponent(name)}&token=${token}`);
    const lab = new LabNotebook(page, name);
    await page.waitForFunction(() => window.lab, null, { timeout: stepTimeoutMs });
    await lab.kernelReady();
    for (const [check, run] of Object.entries(checks)) {
      try {
        console.log(`${name} (JupyterLab) ${check}: ${await run(lab)}`);
      } catch (error) {
        failures.push(`${check}: ${error.message}`);
        await lab.screenshot(`failed-${check}`).catch(() => {});
        break;  // each check starts from where the one before left the notebook
      }
    }
  } finally {
    await page.close();
  }
  if (pageErrors.length > 0) failures.push(`JavaScript errors on the page: ${pageErrors.join(' | ')}`);
  return failures.map((failure) => `${name}: ${failure}`);
}

async function main() {
  if (!pageDir || notebooks.length === 0) throw new Error('usage: run-lab.mjs PAGE_DIR NOTEBOOK.ipynb...');
  const directory = path.dirname(notebooks[0]);
  if (notebooks.some((notebook) => path.dirname(notebook) !== directory)) {
    throw new Error('the notebooks must be in one folder (the server\'s root)');
  }
  notebooks.forEach(kernelOf);
  const port = await freePort();
  const token = randomBytes(24).toString('hex');
  const { server, ready, log } = startJupyterServer(directory, port, token);
  let browser;
  const failures = [];
  try {
    await ready;
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    for (const notebook of notebooks) failures.push(...await checkNotebook(browser, port, token, notebook));
  } catch (error) {
    failures.push(`${error.message}\n--- jupyter-server log ---\n${log.join('').slice(-3000)}`);
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
  }
  if (failures.length > 0) {
    console.error(`browser test (JupyterLab): ${failures.length} failure(s):\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

await main().catch((error) => {
  console.error(`browser test (JupyterLab): ${error.message}`);
  process.exitCode = 1;
});
