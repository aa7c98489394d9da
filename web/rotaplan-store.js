// window.rotaplanStore: where the page keeps the plan (docs/page.md "Saving in the browser").
//
// IndexedDB database "rotaplan" (its quota is a share of the disk, not localStorage's few
// megabytes), two object stores:
//   meta   "head"  {seq, time, desc, tab, size}    the newest save
//          "index" [{seq, time, desc, tab, kind, size, stored}]  the saves kept, oldest first
//          "undo"  {seq, gz, data}                 the undo history of the newest save
//   saves  {seq, gz, data}                         each kept save's plan text
// Texts over COMPRESS_FROM bytes are stored gzip-compressed (CompressionStream).
//
// Tabs: every save is a compare-and-set inside one readwrite transaction (IndexedDB runs
// them one at a time across tabs): a tab saves only over the save its plan follows
// (`base`); otherwise the transaction is aborted and the tab hears "conflict" with the
// newer head. A finished save is announced to the other tabs (BroadcastChannel, and the
// `storage` event of the small localStorage mirror "rotaplan.head").
//
// The page (src/platform/browser.cpp) reads `startup` once and then hears events through
// onEvent(event, bytes): saved, conflict, failed, external, loaded, load-failed.
(function () {
  'use strict';
  var DB_NAME = 'rotaplan', DB_VERSION = 1;
  var COMPRESS_FROM = 256 * 1024;
  var KEEP_RECENT = 8;      // the newest autosaves, always
  var KEEP_AUTOS = 20;      // autosaves in all: older ones thinned to one per hour
  var KEEP_COPIES = 5;      // copies kept when two tabs disagreed
  var KEEP_DAYS = 14;
  var KEEP_BYTES = 256 * 1024 * 1024;   // stored (compressed) bytes of the kept saves
  var HEAD_KEY = 'rotaplan.head', UNSAVED_KEY = 'rotaplan.unsaved', LEGACY_KEY = 'rotaplan.plan';
  var tab = Math.random().toString(36).slice(2, 10) + Date.now().toString(36).slice(-4);
  var db = null;
  var handler = null, queued = [];
  var pending = null;       // the save being prepared (compressing), see pagehide below

  function emit(ev, bytes) {
    if (handler) handler(ev, bytes || null);
    else queued.push([ev, bytes || null]);
  }

  function request(r) {
    return new Promise(function (resolve, reject) {
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }

  function openDb() {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error('IndexedDB is not available')); return; }
      var timer = setTimeout(function () { reject(new Error('IndexedDB did not open in time')); }, 5000);
      var r;
      try { r = indexedDB.open(DB_NAME, DB_VERSION); } catch (e) { clearTimeout(timer); reject(e); return; }
      r.onupgradeneeded = function () {
        var d = r.result;
        if (!d.objectStoreNames.contains('meta')) d.createObjectStore('meta');
        if (!d.objectStoreNames.contains('saves')) d.createObjectStore('saves', { keyPath: 'seq' });
      };
      r.onsuccess = function () {
        clearTimeout(timer);
        var d = r.result;
        d.onversionchange = function () { d.close(); };
        resolve(d);
      };
      r.onerror = function () { clearTimeout(timer); reject(r.error || new Error('IndexedDB refused to open')); };
      r.onblocked = function () { /* an older version is open elsewhere: wait for the timer */ };
    });
  }

  function pipe(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer()
      .then(function (b) { return new Uint8Array(b); });
  }
  function encode(bytes) {
    if (!bytes) return Promise.resolve(null);
    if (bytes.length < COMPRESS_FROM || typeof CompressionStream === 'undefined')
      return Promise.resolve({ gz: false, data: bytes });
    return pipe(bytes, new CompressionStream('gzip')).then(function (z) { return { gz: true, data: z }; },
      function () { return { gz: false, data: bytes }; });
  }
  function decode(rec) {
    if (!rec || !rec.data) return Promise.resolve(null);
    var data = rec.data instanceof Uint8Array ? rec.data : new Uint8Array(rec.data);
    if (!rec.gz) return Promise.resolve(data);
    return pipe(data, new DecompressionStream('gzip'));
  }

  function readLocal(key) {
    try { var v = localStorage.getItem(key); return v === null ? null : JSON.parse(v); } catch (e) { return null; }
  }
  function writeLocal(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* a full localStorage only loses the hint */ }
  }

  // Which saves to drop from `index` (oldest first), keeping the head and the bounds above.
  function prune(index, headSeq, tight) {
    var now = Date.now(), keep = {}, autos = 0, copies = 0, hours = {}, bytes = 0;
    for (var i = index.length - 1; i >= 0; i--) {
      var e = index[i], k = false;
      if (e.seq === headSeq) k = true;
      else if (e.kind === 'copy') {
        if (copies < (tight ? 1 : KEEP_COPIES)) { copies++; k = true; }
      }
      else if (!tight) {
        var hour = Math.floor(e.time / 3600000);
        if (autos < KEEP_RECENT) k = true;
        else if (autos < KEEP_AUTOS && !hours[hour] && now - e.time < KEEP_DAYS * 86400000) k = true;
        if (k) { autos++; hours[hour] = true; }
      }
      if (k && e.seq !== headSeq && bytes + (e.stored || 0) > KEEP_BYTES) k = false;
      if (k) { keep[e.seq] = true; bytes += e.stored || 0; }
    }
    var drop = [];
    for (var j = index.length - 1; j >= 0; j--) {
      if (!keep[index[j].seq]) { drop.push(index[j].seq); index.splice(j, 1); }
    }
    return drop;
  }

  function announce(head) {
    writeLocal(HEAD_KEY, head);
    if (channel) try { channel.postMessage({ type: 'saved', head: head }); } catch (e) {}
  }

  // One transaction: compare-and-set of the head (kind "auto"), or a kept copy (kind "copy").
  function write(job, plan, undo, tight) {
    var m = job.meta, result = null;
    var tx;
    try { tx = db.transaction(['meta', 'saves'], 'readwrite'); } catch (e) { fail(job, e); return; }
    var meta = tx.objectStore('meta'), saves = tx.objectStore('saves');
    meta.get('head').onsuccess = function (e) {
      var head = e.target.result || { seq: 0 };
      if (m.kind === 'auto' && !m.force && head.seq !== m.base) {
        result = { type: 'conflict', head: head };
        tx.abort();
        return;
      }
      meta.get('index').onsuccess = function (e2) {
        var index = e2.target.result || [];
        var seq = head.seq;
        for (var i = 0; i < index.length; i++) seq = Math.max(seq, index[i].seq);
        seq += 1;
        var entry = { seq: seq, time: m.time, desc: m.desc, tab: tab, kind: m.kind, size: job.size,
          stored: plan.data.byteLength };
        saves.put({ seq: seq, gz: plan.gz, data: plan.data });
        if (m.pin) {   // the other tab's save that "keep mine" replaces stays as a copy
          for (var p = 0; p < index.length; p++) if (index[p].seq === m.pin) index[p].kind = 'copy';
        }
        index.push(entry);
        var newHead = m.kind === 'auto' ? { seq: seq, time: m.time, desc: m.desc, tab: tab, size: job.size } : head;
        prune(index, newHead.seq, tight).forEach(function (s) { saves.delete(s); });
        meta.put(index, 'index');
        if (m.kind === 'auto') {
          meta.put(newHead, 'head');
          if (undo) meta.put({ seq: seq, gz: undo.gz, data: undo.data }, 'undo');
          else meta.delete('undo');
        }
        result = { type: 'saved', seq: seq, kind: m.kind, time: m.time, head: newHead, index: index };
      };
    };
    tx.oncomplete = function () {
      if (result.kind === 'auto') {
        announce(result.head);
        writeLocal(UNSAVED_KEY, null);
        if (m.legacy) try { localStorage.removeItem(LEGACY_KEY); } catch (e) {}
      }
      emit(result);
    };
    tx.onabort = function () {
      if (result && result.type === 'conflict') { emit(result); return; }
      var err = tx.error;
      if (err && err.name === 'QuotaExceededError' && !tight) { write(job, plan, undo, true); return; }
      fail(job, err || new Error('the save was aborted'));
    };
  }

  function fail(job, err) {
    var name = (err && err.name) || 'Error';
    var text = (err && err.message) || String(err);
    if (job.meta.kind === 'auto')
      writeLocal(UNSAVED_KEY, { time: job.meta.time, desc: job.meta.desc, base: job.meta.base, error: name });
    emit({ type: 'failed', kind: job.meta.kind, error: name + ': ' + text, quota: name === 'QuotaExceededError' });
  }

  var store = {
    tab: tab,
    // Resolves once the newest save has been read: {available, error, tab, head, index,
    // unsaved, legacy, plan (bytes), undo (bytes)}.
    startup: null,
    startupResult: null,   // what startup resolved to (the page reads it synchronously)
    set onEvent(fn) {
      handler = fn;
      var q = queued;
      queued = [];
      q.forEach(function (x) { fn(x[0], x[1]); });
    },
    // meta: {base, desc, time, kind: 'auto'|'copy', force, pin, legacy}
    save: function (meta, planBytes, undoBytes) {
      if (!db) { emit({ type: 'failed', kind: meta.kind, error: 'Storage is not available' }); return; }
      var job = { meta: meta, size: planBytes.length, started: false, raw: [planBytes, undoBytes] };
      pending = job;
      Promise.all([encode(planBytes), encode(undoBytes)]).then(function (enc) {
        if (job.started) return;
        job.started = true;
        if (pending === job) pending = null;
        write(job, enc[0], enc[1], false);
      }, function (e) { fail(job, e); });
    },
    load: function (seq, purpose) {
      if (!db) { emit({ type: 'load-failed', seq: seq, purpose: purpose, error: 'Storage is not available' }); return; }
      var tx = db.transaction(['saves', 'meta'], 'readonly');
      Promise.all([request(tx.objectStore('saves').get(seq)), request(tx.objectStore('meta').get('index'))])
        .then(function (r) {
          if (!r[0]) throw new Error('that save is no longer kept');
          return decode(r[0]).then(function (bytes) {
            var entry = null;
            (r[1] || []).forEach(function (e) { if (e.seq === seq) entry = e; });
            emit({ type: 'loaded', seq: seq, purpose: purpose, entry: entry, index: r[1] || [] }, bytes);
          });
        })
        .catch(function (e) { emit({ type: 'load-failed', seq: seq, purpose: purpose, error: String(e && e.message || e) }); });
    },
    // The kept saves, as an "index" event.
    list: function () {
      if (!db) return;
      request(db.transaction('meta', 'readonly').objectStore('meta').get('index'))
        .then(function (index) { emit({ type: 'index', index: index || [] }); }, function () {});
    },
    // Everything this page stored (tests start from nothing).
    clearAll: function () {
      [HEAD_KEY, UNSAVED_KEY, LEGACY_KEY].forEach(function (k) { writeLocal(k, null); });
      if (!db) return Promise.resolve();
      var tx = db.transaction(['meta', 'saves'], 'readwrite');
      tx.objectStore('meta').clear();
      tx.objectStore('saves').clear();
      return new Promise(function (resolve) { tx.oncomplete = resolve; tx.onabort = resolve; });
    }
  };

  // Another tab saved: from the channel, or from the localStorage mirror's storage event.
  var lastHeard = 0;
  function heard(head) {
    if (!head || typeof head.seq !== 'number' || head.tab === tab || head.seq <= lastHeard) return;
    lastHeard = head.seq;
    emit({ type: 'external', head: head });
  }
  var channel = null;
  try {
    channel = new BroadcastChannel('rotaplan');
    channel.onmessage = function (e) { if (e.data && e.data.type === 'saved') heard(e.data.head); };
  } catch (e) { channel = null; }
  window.addEventListener('storage', function (e) {
    if (e.key !== HEAD_KEY || !e.newValue) return;
    try { heard(JSON.parse(e.newValue)); } catch (x) {}
  });

  // A page being closed or reloaded while its newest save is still being compressed: write
  // it as it is now. A transaction already started finishes after the page is gone.
  window.addEventListener('pagehide', function () {
    var job = pending;
    if (!job || job.started || !db) return;
    job.started = true;
    pending = null;
    write(job, { gz: false, data: job.raw[0] }, job.raw[1] ? { gz: false, data: job.raw[1] } : null, false);
  });

  store.startup = openDb().then(function (d) {
    db = d;
    var tx = d.transaction(['meta', 'saves'], 'readonly');
    var meta = tx.objectStore('meta');
    return Promise.all([request(meta.get('head')), request(meta.get('index')), request(meta.get('undo'))])
      .then(function (r) {
        var head = r[0] || null, index = r[1] || [], undoRec = r[2] || null;
        if (head) lastHeard = head.seq;
        var planRec = head ? request(d.transaction('saves', 'readonly').objectStore('saves').get(head.seq)) : null;
        return Promise.resolve(planRec).then(function (rec) {
          return Promise.all([decode(rec), undoRec && head && undoRec.seq === head.seq ? decode(undoRec) : null]);
        }).then(function (bytes) {
          return store.startupResult = { available: true, error: '', tab: tab, head: head, index: index, unsaved: readLocal(UNSAVED_KEY),
            legacy: localLegacy(), plan: bytes[0], undo: bytes[1] };
        });
      });
  }).catch(function (e) {
    db = null;
    return store.startupResult = { available: false, error: String(e && e.message || e), tab: tab, head: null, index: [],
      unsaved: null, legacy: localLegacy(), plan: null, undo: null };
  });

  // A plan the page kept in localStorage before it used IndexedDB.
  function localLegacy() {
    try { return localStorage.getItem(LEGACY_KEY) !== null; } catch (e) { return false; }
  }
  store.takeLegacy = function () {
    try { return localStorage.getItem(LEGACY_KEY); } catch (e) { return null; }
  };

  window.rotaplanStore = store;
})();
