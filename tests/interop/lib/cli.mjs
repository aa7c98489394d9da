// Runs the real CLI. Every call returns {code, stdout, stderr}; nothing is thrown for a
// non-zero exit status.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let cliPath = null;
let dir = null;
export function setCli(p) {
  cliPath = p;
}
export function workDir() {
  if (!dir) dir = mkdtempSync(join(tmpdir(), 'rotaplan-interop-'));
  return dir;
}
let n = 0;
/** Writes `content` (string, or JSON-able value) to a fresh file named after `hint`. */
export function writeTemp(hint, content) {
  n += 1;
  const f = join(workDir(), `${String(n).padStart(4, '0')}-${hint}`);
  writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content, null, 1));
  return f;
}
export function run(args, input) {
  const r = spawnSync(cliPath, args, {
    encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024, timeout: 60000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}
export function runOk(args, input) {
  const r = run(args, input);
  if (r.code !== 0) {
    throw new Error(`rotaplan ${args.join(' ')} exited ${r.code}${r.signal ? ` (${r.signal})` : ''}: ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
  }
  return r;
}
