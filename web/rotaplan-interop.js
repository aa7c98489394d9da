// The vendor formats (PagerDuty, Opsgenie, Grafana OnCall, GoAlert, iCalendar import) in
// a module of their own, rotaplan-interop-module.{js,wasm} (docs/page.md "Page size"): a
// first visit does not download them. prefetch() fetches both in the background (the
// page calls it when the Import dialog or the Export window opens); call() answers one
// framed request (src/core/interop/service.hpp) synchronously, loading the module first
// if it is not in yet: a same-origin synchronous fetch, as for a zone file, so the
// synchronous JS API (exportText, importText) works on a page that never opened either.
(function () {
  'use strict';
  var CODE = 'rotaplan-interop-module.js', WASM = 'rotaplan-interop-module.wasm';
  var code = null;        // the module's JavaScript, as text
  var compiled = null;    // its WebAssembly.Module, compiled off the main thread
  var bytes = null;       // or its bytes, to compile when first needed
  var pending = null;     // the background fetch
  var runtime = null;     // the started module
  var stats = { fetches: 0, syncFetches: 0 };

  function check(r, name) {
    if (!r.ok) throw new Error(name + ': HTTP ' + r.status);
    return r;
  }

  function prefetch() {
    if (runtime || pending) return pending || Promise.resolve();
    stats.fetches++;
    pending = Promise.all([
      code !== null ? code : fetch(CODE, { credentials: 'same-origin' }).then(function (r) { return check(r, CODE).text(); }),
      compiled || bytes || fetch(WASM, { credentials: 'same-origin' }).then(function (r) { return check(r, WASM).arrayBuffer(); })
        .then(function (b) {
          bytes = new Uint8Array(b);
          return WebAssembly.compile(bytes).then(function (m) { compiled = m; bytes = null; }, function () {});
        })
    ]).then(function (v) { code = v[0]; }, function (e) {
      pending = null;
      console.warn('rotaplan: the vendor formats were not fetched (' + e.message + '); trying again when they are needed');
    });
    return pending;
  }

  // Same-origin and synchronous: text, or bytes through the x-user-defined charset (the
  // main thread cannot ask for an ArrayBuffer synchronously).
  function fetchNow(url, binary) {
    stats.syncFetches++;
    var xhr = new XMLHttpRequest();
    xhr.open('GET', url, false);
    if (binary) xhr.overrideMimeType('text/plain; charset=x-user-defined');
    xhr.send(null);
    if (xhr.status !== 200) throw new Error(url + ': HTTP ' + xhr.status);
    if (!binary) return xhr.responseText;
    var s = xhr.responseText, b = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
    return b;
  }

  function start() {
    if (runtime) return runtime;
    if (code === null) code = fetchNow(CODE, false);
    if (!compiled) {
      if (!bytes) bytes = fetchNow(WASM, true);
      compiled = new WebAssembly.Module(bytes);
      bytes = null;
    }
    var factory = new Function(code + '\n;return RotaplanInteropModule;')();
    var m = {
      // Instantiated at once from the compiled module: the runtime is ready when factory returns.
      instantiateWasm: function (imports, receive) {
        var instance = new WebAssembly.Instance(compiled, imports);
        receive(instance, compiled);
        return instance.exports;
      },
      preRun: [function () { window.rotaplanZones.installInto(m.FS); }],
      print: function (t) { console.log('rotaplan interop: ' + t); },
      printErr: function (t) { console.warn('rotaplan interop: ' + t); }
    };
    factory(m);
    if (typeof m._rp_interop_call !== 'function' || !m.HEAPU8) throw new Error('the module did not start');
    runtime = m;
    code = null;
    return m;
  }

  // request: bytes. Returns {bytes} (the answer) or {error} (the module could not be loaded).
  function call(request) {
    var m;
    try {
      m = start();
    } catch (e) {
      console.warn('rotaplan: the vendor formats could not be loaded: ' + e.message);
      return { error: e.message };
    }
    var p = m._malloc(request.length + 1), lenp = m._malloc(8);
    m.HEAPU8.set(request, p);
    var out = m._rp_interop_call(p, request.length, lenp);
    m._free(p);
    var n = m.HEAPU32[lenp >> 2];
    m._free(lenp);
    if (!out) return { error: 'out of memory' };
    var answer = m.HEAPU8.slice(out, out + n);
    m._free(out);
    return { bytes: answer };
  }

  window.rotaplanInterop = {
    prefetch: prefetch,
    call: call,
    // For tests: {loaded, fetches (background), syncFetches}.
    status: function () { return { loaded: !!runtime, fetches: stats.fetches, syncFetches: stats.syncFetches }; }
  };
})();
