// What the real-browser tests share: the kernel a notebook asks for, a free port, and a Jupyter
// server started on 127.0.0.1 that the test waits for and stops.
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

// tests/browser/run sets JUPYTER and PYTHON the way every script of the project finds them (conda env first).
export const jupyter = process.env.JUPYTER ?? 'jupyter';
export const python = process.env.PYTHON ?? 'python3';

/** The kernelspec name the notebook asks for; throws when that kernel is not installed. */
export function kernelOf(notebookFile) {
  const name = JSON.parse(readFileSync(notebookFile, 'utf8')).metadata?.kernelspec?.name;
  const installed = JSON.parse(execFileSync(jupyter, ['kernelspec', 'list', '--json'])).kernelspecs;
  if (!installed[name]) {
    throw new Error(`the notebook wants the kernel '${name}', which is not installed (jupyter kernelspec list)`);
  }
  return name;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a Jupyter server (COMMAND ARGS) and resolves `ready` once it prints its URL on 127.0.0.1:PORT. */
export function startServer(command, args, port) {
  const server = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      log.push(chunk.toString());
      if (log.join('').includes(`127.0.0.1:${port}/`)) resolve();
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${log.join('')}`)));
  });
  return { server, ready, log };
}

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
