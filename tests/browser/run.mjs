// Runs every browser test file (tests/browser/*.test.mjs) against the built page.
// usage: node tests/browser/run.mjs PAGE_DIR CLI_PATH
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer, launch, Runner } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [pageDir, cli] = process.argv.slice(2);
if (!pageDir || !cli) { console.error('usage: node run.mjs PAGE_DIR CLI_PATH'); process.exit(2); }
const root = path.resolve(here, '../..');
const shots = path.join(root, 'build', 'screenshots');
fs.mkdirSync(shots, { recursive: true });

const server = await startServer(path.resolve(pageDir));
const browser = await launch();
const runner = new Runner();
const env = { url: server.url, context: browser.context, cli: path.resolve(cli), root, shots, runner };
const only = process.env.ROTAPLAN_BROWSER_ONLY;
try {
  for (const f of fs.readdirSync(here).filter((n) => n.endsWith('.test.mjs')).sort()) {
    if (only && !f.includes(only)) continue;
    const mod = await import(pathToFileURL(path.join(here, f)).href);
    await mod.default(env);
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(runner.summary());
