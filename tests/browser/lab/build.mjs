// Bundles the page with esbuild into OUTDIR (default: build/lab-page/concurrency-lab at the repository root), from
// where jupyter-server serves it as static files. JupyterLab's packages import their CSS and SVG
// icons from JavaScript, hence the loaders.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(process.argv[2] ?? path.join(here, '..', '..', '..', 'build', 'lab-page', 'concurrency-lab'));
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [path.join(here, 'src', 'index.js')],
  outdir,
  bundle: true,
  format: 'esm',
  splitting: true,  // languages and renderers that JupyterLab loads on demand stay in their own chunks
  minify: true,
  target: 'chrome120',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: {
    '.svg': 'text', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.png': 'file',
    '.gif': 'file',
  },
  logLevel: 'warning',
});
copyFileSync(path.join(here, 'src', 'index.html'), path.join(outdir, 'index.html'));
console.log(`lab page built in ${outdir}`);
