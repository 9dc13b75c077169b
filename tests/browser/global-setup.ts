// Starts `shopops serve --demo` (SHOPOPS_BIN, default the debug build) in a temporary directory
// on an ephemeral port, waits for the line that says where it listens, and hands its origin to
// the specs as SHOPOPS_URL. The returned teardown stops it and removes the directory.
// With SHOPOPS_URL already set, the specs use that server instead (e.g. `npm run dev` in web/
// while a page is being written, so that no Rust build is needed between edits).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.SHOPOPS_URL) return async () => {};
  const bin = process.env.SHOPOPS_BIN ?? resolve(import.meta.dirname, '../../target/debug/shopops');
  const dir = mkdtempSync(join(tmpdir(), 'shopops-browser-'));
  const server = spawn(bin, ['serve', '--demo'], {
    cwd: dir,
    env: {
      ...process.env,
      // The request log (one line per request) would bury the specs' own output.
      RUST_LOG: process.env.RUST_LOG ?? 'warn',
      SHOPOPS_BIND: '127.0.0.1:0',
      DATABASE_URL: `sqlite://${join(dir, 'demo.db')}?mode=rwc`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    const lines = createInterface({ input: server.stdout! });
    lines.on('line', (line) => {
      const at = line.match(/^shopops listening on (http:\/\/\S+)\/graphql$/);
      if (at) ok(at[1]);
    });
    server.on('exit', (code) => fail(new Error(`shopops serve exited (${code}) before listening`)));
    setTimeout(() => fail(new Error('shopops serve did not listen within 60 s')), 60_000);
  });
  process.env.SHOPOPS_URL = url;
  return async () => {
    server.kill('SIGTERM');
    await new Promise((done) => server.once('exit', done));
    rmSync(dir, { recursive: true, force: true });
  };
}
