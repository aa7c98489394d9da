// Saving in the browser as a person meets it: the untouched sample is not "saved", undo
// survives a reload, two tabs never overwrite each other's newer save silently ("Reload
// theirs" / "Keep mine", two pages of one browser context), earlier saves can be restored,
// and a save that does not fit says so and keeps saying so across a reload.
import path from 'node:path';
import fs from 'node:fs';
import { openPage, launch, assert, assertEqual, rect, frames, click } from './harness.mjs';

const state = (p) => p.evaluate(() => window.rotaplanTest.storageState());
const saved = (p) => p.evaluate(() => window.rotaplanTest.saved(20000));
const planOf = (p) => p.evaluate(() => window.rotaplan.planJson());
const ready = (p) => p.evaluate(() => window.rotaplanReady.then(() => true));

// The store as it is in IndexedDB, read independently of the page's own code.
function readStore(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const r = indexedDB.open('rotaplan');
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const db = r.result, out = {};
      const tx = db.transaction(['meta', 'saves'], 'readonly');
      tx.objectStore('meta').get('head').onsuccess = (e) => { out.head = e.target.result; };
      tx.objectStore('meta').get('index').onsuccess = (e) => { out.index = e.target.result; };
      tx.objectStore('saves').getAll().onsuccess = (e) => { out.saves = e.target.result.map((s) => ({ seq: s.seq, gz: s.gz, bytes: s.data.byteLength })); };
      tx.oncomplete = () => { db.close(); resolve(out); };
    };
  }));
}
function readSavedPlan(page, seq) {
  return page.evaluate((seq) => new Promise((resolve, reject) => {
    const r = indexedDB.open('rotaplan');
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const db = r.result;
      const g = db.transaction('saves', 'readonly').objectStore('saves').get(seq);
      g.onsuccess = async () => {
        db.close();
        const rec = g.result;
        let bytes = new Uint8Array(rec.data);
        if (rec.gz) bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
        resolve(new TextDecoder().decode(bytes));
      };
    };
  }), seq);
}

async function pick(page, cell, person) {
  await click(page, cell);
  await click(page, 'pick:' + person);
  await frames(page, 3);
}

async function until(fn, what, timeoutMs = 10000) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Types into the Policy view's team name and leaves the field active (a change not yet saved).
async function typeTeamName(page, text) {
  await click(page, 'policy:team-name');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await frames(page, text.length + 6);   // ImGui takes typed characters one a frame
}

export default async function ({ url, context, shots, runner }) {
  let { page: a, errors } = await openPage(context, url);
  await a.evaluate(() => window.rotaplanTest.clearStorage());
  await a.reload();
  await ready(a);
  await frames(a, 4);
  let b = null, errorsB = [];
  let first = '', second = '', sampleText = '';

  await runner.test('storage: the untouched sample is not "saved"; the first change is', async () => {
    let s = await state(a);
    assert(s.available, 'storage unavailable: ' + JSON.stringify(s));
    assertEqual([s.sample, s.saves, s.base_seq], [true, 0, 0], 'sample state');
    await rect(a, 'status:save');
    assertEqual((await readStore(a)).head, undefined, 'something was stored for the sample');
    sampleText = await planOf(a);
    await pick(a, 'cell:2026-12-21:primary', 'carol');
    s = await saved(a);
    assertEqual([s.saved, s.sample, s.failure, s.base_seq], [true, false, '', 1], 'after the first change');
    first = await planOf(a);
    const store = await readStore(a);
    assertEqual(store.head.seq, 1, 'head');
    assertEqual(await readSavedPlan(a, 1), first, 'stored plan');
  });

  await runner.test('storage: undo history is kept across a reload', async () => {
    await pick(a, 'cell:2026-12-07:secondary', 'bob');
    await saved(a);
    second = await planOf(a);
    const desc = await a.evaluate(() => window.rotaplanTest.undoDescription());
    assertEqual(desc, 'Set secondary of 2026-12-07 to Bob Osei', 'undo description');
    await a.reload();
    await ready(a);
    await frames(a, 3);
    assertEqual(await planOf(a), second, 'plan after reload');
    assertEqual(await a.evaluate(() => window.rotaplanTest.undoDescription()), desc, 'undo description after reload');
    await click(a, 'menu:Edit');
    await click(a, 'menu:Edit/Undo');
    assertEqual(await planOf(a), first, 'plan after one undo');
    await a.keyboard.press('Escape');
    await a.evaluate(() => window.rotaplanTest.undo());
    await frames(a, 3);
    assertEqual(await planOf(a), sampleText, 'plan after two undos');
    await a.evaluate(() => { window.rotaplanTest.redo(); window.rotaplanTest.redo(); });
    await frames(a, 3);
    assertEqual(await planOf(a), second, 'plan after two redos');
    await saved(a);
  });

  await runner.test('storage: two tabs: a tab with no changes of its own follows the other tab', async () => {
    ({ page: b, errors: errorsB } = await openPage(context, url));
    await frames(b, 3);
    assertEqual(await planOf(b), second, 'second tab opens the newest save');
    await a.bringToFront();
    await pick(a, 'cell:2026-12-14:secondary', 'dev');
    await saved(a);
    const now = await planOf(a);
    await b.bringToFront();
    await until(async () => (await planOf(b)) === now, 'the second tab to follow');
    const sb = await state(b), sa = await state(a);
    assertEqual([sb.base_seq, sb.saved, sb.conflict], [sa.base_seq, true, false], 'second tab after following');
    await rect(b, 'status:notice');
  });

  await runner.test('storage: two tabs: a newer save is never overwritten silently; "Keep mine" keeps theirs as a copy', async () => {
    await typeTeamName(b, 'Team B');   // b has a change of its own, not saved yet
    await a.bringToFront();
    await pick(a, 'cell:2026-12-21:secondary', 'bob');
    await saved(a);
    const theirs = await planOf(a);
    const theirSeq = (await state(a)).base_seq;
    await b.bringToFront();
    await rect(b, 'modal:conflict');
    await b.screenshot({ path: path.join(shots, 'storage-conflict.png') });
    // Nothing of b's was written over a's save.
    let store = await readStore(b);
    assertEqual(store.head.seq, theirSeq, 'head while b decides');
    assertEqual(await readSavedPlan(b, theirSeq), theirs, "a's save while b decides");
    assert((await state(b)).conflict, 'b in conflict');
    await click(b, 'conflict:keep-mine');
    const sb = await saved(b);
    assertEqual([sb.conflict, sb.failure], [false, ''], 'b after Keep mine');
    const mine = await planOf(b);
    assert(JSON.parse(mine).team.name === 'Team B', 'b kept its team name');
    store = await readStore(b);
    assertEqual(store.head.seq, sb.base_seq, 'head is b');
    assertEqual(await readSavedPlan(b, sb.base_seq), mine, "b's plan stored");
    const kept = store.index.find((e) => e.seq === theirSeq);
    assert(kept && kept.kind === 'copy', "a's save is not kept as a copy: " + JSON.stringify(store.index));
    assertEqual(await readSavedPlan(b, theirSeq), theirs, "a's plan kept");
    // a had no changes of its own: it follows.
    await a.bringToFront();
    await until(async () => (await planOf(a)) === mine, 'the first tab to follow "Keep mine"');
  });

  await runner.test('storage: two tabs: "Reload theirs" opens the other tab\'s plan and keeps this one as a copy', async () => {
    await b.bringToFront();
    await typeTeamName(b, 'Team B2');
    await a.bringToFront();
    await pick(a, 'cell:2026-12-14:primary', 'carol');
    await saved(a);
    const theirs = await planOf(a);
    await b.bringToFront();
    await rect(b, 'modal:conflict');
    await click(b, 'conflict:reload-theirs');
    await until(async () => (await planOf(b)) === theirs, 'b to show their plan');
    const sb = await saved(b);
    assertEqual([sb.conflict, sb.base_seq], [false, (await state(a)).base_seq], 'b after Reload theirs');
    const store = await until(async () => {
      const st = await readStore(b);
      return st.index.some((e) => e.kind === 'copy' && e.desc.startsWith("This tab's version")) && st;
    }, "b's copy");
    const copy = store.index.filter((e) => e.kind === 'copy' && e.desc.startsWith("This tab's version")).pop();
    assertEqual(JSON.parse(await readSavedPlan(b, copy.seq)).team.name, 'Team B2', "b's version kept");
    // Undo in b goes back to its own version.
    assertEqual(await b.evaluate(() => window.rotaplanTest.undoDescription()), 'Reload the plan another tab saved', 'undo in b');
    await b.close();
    b = null;
    await a.bringToFront();
  });

  await runner.test('storage: File > Restore an earlier save lists the saves and restores one as a step', async () => {
    await click(a, 'menu:File');
    await click(a, 'menu:Restore an earlier save');
    await rect(a, 'window:Earlier saves');
    const store = await readStore(a);
    const newestFirst = [...store.index].reverse();
    for (let i = 0; i < newestFirst.length; i++) await rect(a, 'history:' + i);
    assertEqual(await a.evaluate((n) => window.rotaplanTest.widgetRect('history:' + n), newestFirst.length), null, 'extra row');
    await a.screenshot({ path: path.join(shots, 'storage-earlier-saves.png') });
    const target = newestFirst[2];
    const text = await readSavedPlan(a, target.seq);
    await click(a, 'history:restore:2');
    await until(async () => (await planOf(a)) === text, 'the restored plan');
    assert((await a.evaluate(() => window.rotaplanTest.undoDescription())).startsWith('Restore the save of '), 'undo description');
    await saved(a);
    await click(a, 'history:close');
  });

  await runner.test('storage: a save that does not fit warns until one works; a reload does not claim the newest plan', async () => {
    const origin = new URL(url).origin;
    const good = await planOf(a);
    // A plan of about 6 MB that compresses badly (random notes), in a store of 3 MB.
    const big = JSON.parse(good);
    let start = new Date(big.weeks[big.weeks.length - 1].start + 'T00:00:00Z');
    for (let i = 0; i < 12000; i++) {
      start = new Date(start.getTime() + 7 * 86400000);
      const note = Array.from({ length: 48 }, () => Math.random().toString(36).slice(2, 12)).join('');
      big.weeks.push({ start: start.toISOString().slice(0, 10), note });
    }
    const bigText = JSON.stringify(big);
    // Chromium applies an overridden quota to an origin it has not stored anything for yet
    // in this browser: a browser of its own, the quota set before the page first opens.
    const own = await launch();
    const a0 = a;
    a = await own.context.newPage();
    const cdp = await own.context.newCDPSession(a);
    a.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    a.on('pageerror', (e) => errors.push(String(e)));
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 3 * 1024 * 1024 });
    try {
      await a.goto(url);
      await ready(a);
      assert((await a.evaluate((t) => window.rotaplan.loadPlan(t), good)).ok, 'load the good plan');
      let s = await saved(a);
      assertEqual(s.failure, '', 'saving the good plan');
      const r = await a.evaluate((t) => window.rotaplan.loadPlan(t), bigText);
      assert(r.ok, 'load: ' + r.error);
      s = await saved(a);
      assert(/QuotaExceededError/.test(s.failure), 'the save did not fail: ' + JSON.stringify(s));
      await rect(a, 'status:retry');
      await rect(a, 'status:download');
      await a.screenshot({ path: path.join(shots, 'storage-save-failed.png') });
      await new Promise((r) => setTimeout(r, 1500));
      await frames(a, 3);
      s = await state(a);
      assert(s.failure && !s.saved, 'the warning went away: ' + JSON.stringify(s));
      await rect(a, 'status:retry');
      // A reload brings back the last save that worked, and says it is not the newest.
      await a.reload();
      await ready(a);
      await frames(a, 3);
      assertEqual(await planOf(a), good, 'plan after reload');
      s = await state(a);
      assert(/were not saved/.test(s.failure), 'failure after reload: ' + JSON.stringify(s));
      await rect(a, 'status:notice');
      await rect(a, 'status:retry');
      await a.screenshot({ path: path.join(shots, 'storage-restored-older.png') });
    } finally {
      await own.close();
      a = a0;
    }
    // With room (the main browser): stored, compressed, and the warning is gone.
    const r = await a.evaluate((t) => window.rotaplan.loadPlan(t), bigText);
    assert(r.ok, 'load: ' + r.error);
    const s = await saved(a);
    assertEqual([s.failure, s.saved], ['', true], 'after the quota is back');
    const store = await readStore(a);
    const rec = store.saves.find((x) => x.seq === store.head.seq);
    const entry = store.index.find((e) => e.seq === store.head.seq);
    assert(rec.gz && rec.bytes < entry.size * 0.8, `not stored compactly: ${rec.bytes} of ${entry.size}`);
    assertEqual(await readSavedPlan(a, store.head.seq), await planOf(a), 'stored text');
    assert((await a.evaluate((t) => window.rotaplan.loadPlan(t), good)).ok, 'back to the small plan');
    await saved(a);
  });

  await runner.test('storage: no page errors', async () => {
    assertEqual([...errors, ...errorsB], [], 'console errors');
  });
  if (b) await b.close();
  await a.close();
}
