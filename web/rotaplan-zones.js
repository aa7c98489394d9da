// Zone files for the page, fetched when a plan needs them (docs/page.md "Zone files").
//
// zones/index.txt names every zone and link ("US/Eastern America/New_York") and the
// zones to fetch with the page ("# preload ..."). Before the runtime's main runs,
// install() makes /usr/share/zoneinfo/<name> for every line: the zones fetched by then
// (UTC, the sample's, the viewer's, the stored plan's) with their bytes, every other
// one as a placeholder that is filled the first time it is opened (a synchronous
// same-origin fetch of one small file), so the zone database lists every name and the
// synchronous JS API (loadPlan, check) works with any zone. A plan opened or dropped
// by the user waits for its zones to be fetched first (forText), so the page never
// waits on the network in the middle of a frame for it.
(function () {
  'use strict';
  var ROOT = '/usr/share/zoneinfo';
  var index = null;        // {version, preload: [names], files: {name: file}}
  var bytes = {};          // file -> Uint8Array
  var pending = {};        // file -> Promise of the fetch
  var waiting = {};        // file -> [placeholder nodes] not yet filled

  function url(file) { return 'zones/' + file.split('/').map(encodeURIComponent).join('/'); }

  function parse(text) {
    var out = { version: 'unknown', preload: [], files: {}, names: [] };
    text.split('\n').forEach(function (line) {
      if (!line) return;
      var m = /^# (\w+) ?(.*)$/.exec(line);
      if (m) {
        if (m[1] === 'version') out.version = m[2];
        if (m[1] === 'preload') out.preload = m[2].split(' ').filter(Boolean);
        return;
      }
      var parts = line.split(' ');
      out.files[parts[0]] = parts[1] || parts[0];
      out.names.push(parts[0]);
    });
    return out;
  }

  var indexReady = fetch('zones/index.txt', { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) throw new Error('zones/index.txt: HTTP ' + r.status);
    return r.text();
  }).then(function (text) { index = parse(text); return index; });

  // The bytes of a placeholder once they are here; its own read path from then on.
  function fill(file) {
    (waiting[file] || []).forEach(function (w) {
      if (w.node.contents && w.node.usedBytes) return;
      w.node.contents = bytes[file].slice();
      w.node.usedBytes = bytes[file].length;
      w.node.stream_ops = w.ops;
    });
    delete waiting[file];
  }

  function fetchFile(file) {
    if (bytes[file]) return Promise.resolve();
    if (!pending[file]) {
      pending[file] = fetch(url(file), { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.arrayBuffer();
      }).then(function (b) {
        if (!bytes[file]) bytes[file] = new Uint8Array(b);
        fill(file);
      }).catch(function (e) {
        delete pending[file];
        console.warn('rotaplan: zone file ' + file + ' not fetched (' + e.message + '); trying again when it is needed');
      });
    }
    return pending[file];
  }

  // A placeholder opened before its fetch finished: fetched now, synchronously (binary
  // through the x-user-defined charset: the main thread cannot ask for an ArrayBuffer).
  function fetchNow(file) {
    if (bytes[file]) return;
    try {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', url(file), false);
      xhr.overrideMimeType('text/plain; charset=x-user-defined');
      xhr.send(null);
      if (xhr.status !== 200) throw new Error('HTTP ' + xhr.status);
      var s = xhr.responseText, b = new Uint8Array(s.length);
      for (var i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
      bytes[file] = b;
    } catch (e) {
      console.warn('rotaplan: zone file ' + file + ' could not be fetched: ' + e.message);
    }
  }

  function fileOf(name) { return index && Object.prototype.hasOwnProperty.call(index.files, name) ? index.files[name] : null; }

  function fetchNames(names) {
    return indexReady.then(function () {
      return Promise.all(names.map(function (n) { var f = fileOf(n); return f ? fetchFile(f) : null; }));
    });
  }

  // Zone names a plan's text mentions (team.timezone, people[].timezone, ...).
  function namesIn(text) {
    var names = [], re = /"timezone"\s*:\s*"((?:[^"\\]|\\.){1,200})"/g, m;
    if (typeof text !== 'string') return names;
    while ((m = re.exec(text)) !== null) {
      try { names.push(JSON.parse('"' + m[1] + '"')); } catch (e) {}
    }
    return names;
  }

  // The zones of what the browser has stored (the plan restored at start-up), when it
  // is readable plan text of a sensible size; anything else is fetched when opened.
  function storedNames() {
    var names = [];
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var key = window.localStorage.key(i);
        if (!/^rotaplan/.test(key)) continue;
        var v = window.localStorage.getItem(key);
        if (v && v.length < 4000000) names = names.concat(namesIn(v));
      }
    } catch (e) {}
    return names;
  }

  function makeTree(FS) {
    FS.mkdirTree(ROOT);
    FS.writeFile(ROOT + '/version', index.version + '\n');
    index.names.forEach(function (name) {
      var file = index.files[name], path = ROOT + '/' + name;
      var slash = path.lastIndexOf('/');
      FS.mkdirTree(path.slice(0, slash));
      if (bytes[file]) { FS.writeFile(path, bytes[file].slice()); return; }
      FS.writeFile(path, new Uint8Array(0));
      var node = FS.lookupPath(path).node, ops = node.stream_ops;
      var lazy = {};
      for (var k in ops) lazy[k] = ops[k];
      lazy.open = function (stream) {
        if (!node.usedBytes) {
          fetchNow(file);
          if (bytes[file]) { node.contents = bytes[file].slice(); node.usedBytes = bytes[file].length; }
        }
        node.stream_ops = ops;
        stream.stream_ops = ops;
      };
      node.stream_ops = lazy;
      (waiting[file] = waiting[file] || []).push({ node: node, ops: ops });
    });
  }

  var started = null;
  window.rotaplanZones = {
    // Starts the early fetches (shell.js, before the code has arrived).
    start: function (viewerZone) {
      started = indexReady.then(function () {
        return fetchNames(index.preload.concat([viewerZone], storedNames()));
      });
      return started;
    },
    // preRun: the zone tree in the runtime's file system; main waits for the early fetches.
    install: function (Module) {
      Module.addRunDependency('rotaplan-zones');
      (started || indexReady).then(function () {
        makeTree(Module.FS);
      }).catch(function (e) {
        console.error('rotaplan: the time-zone list could not be loaded: ' + e.message);
      }).then(function () { Module.removeRunDependency('rotaplan-zones'); });
    },
    // The same zone tree in another runtime's file system (the interop module,
    // rotaplan-interop.js), once the index is in (it is, once the page runs).
    installInto: function (FS) {
      if (!index) throw new Error('the time-zone list is not loaded yet');
      makeTree(FS);
    },
    // A plan text's zones, fetched before the text goes to the runtime (a dropped file).
    forText: function (text) { return fetchNames(namesIn(text)).catch(function () {}); },
    names: function () { return index ? index.names.slice() : []; }
  };
})();
