// The page shell: the Emscripten Module settings and the loading indicator.
(function () {
  'use strict';
  var loading = document.getElementById('loading');
  var text = document.getElementById('loading-text');
  var bar = document.getElementById('loading-bar');
  var canvas = document.getElementById('canvas');

  function fail(message) {
    loading.classList.add('failed');
    text.textContent = message;
  }
  // A WebGL context can be lost (GPU reset); say so instead of showing a frozen page.
  canvas.addEventListener('webglcontextlost', function (e) {
    e.preventDefault();
    loading.classList.remove('done', 'gone');
    fail('The graphics context was lost. Reload the page; your plan is kept in this browser.');
  }, false);

  // Start-up work that needs no runtime starts here, before rotaplan.js has even arrived:
  // the code is fetched and compiled off the main thread, and the WebGL2 context (slow to
  // create: 100-500 ms in headless Chromium) is made while that happens. rotaplan.js then
  // picks both up (instantiateWasm below; getContext hands back the same context).
  function fetchCode() {
    return fetch('rotaplan.wasm', { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('rotaplan.wasm: HTTP ' + r.status);
      return r;
    });
  }
  var compiled = (WebAssembly.compileStreaming ? WebAssembly.compileStreaming(fetchCode()) : Promise.reject())
    .catch(function () {   // no streaming, or the server sent another MIME type
      return fetchCode().then(function (r) { return r.arrayBuffer(); })
        .then(function (bytes) { return WebAssembly.compile(bytes); });
    });
  // The data package (zone files, fonts) is fetched now as well and handed to the runtime
  // through getPreloadedPackage, which the runtime asks synchronously as it starts: so
  // rotaplan.js (already downloading, see index.html) is only run once the package is in.
  var dataPackage = null;
  var dataLoaded = fetch('rotaplan.data', { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) throw new Error('rotaplan.data: HTTP ' + r.status);
    return r.arrayBuffer();
  }).then(function (bytes) { dataPackage = bytes; }, function () { /* the runtime fetches it itself */ });
  // The newest save is read from the browser's storage (rotaplan-store.js) meanwhile too:
  // the page starts once both are in, so it opens the plan at once.
  var stored = window.rotaplanStore ? window.rotaplanStore.startup : null;
  Promise.all([dataLoaded, stored]).then(function () {
    var script = document.createElement('script');
    script.src = 'rotaplan.js';
    script.onerror = function () { fail('Rotaplan could not load rotaplan.js. Check the connection and reload.'); };
    document.body.appendChild(script);
  });

  // The attributes SDL asks for (no alpha, depth, stencil or antialiasing), so the context
  // made now is exactly the one the runtime would make; and the backing store already at the
  // size SDL will give it (CSS size x devicePixelRatio, rounded down), so the drawing buffer
  // is not made twice.
  var ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(canvas.clientWidth * ratio);
  canvas.height = Math.floor(canvas.clientHeight * ratio);
  if (!canvas.getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false })) {
    fail('Rotaplan needs WebGL2, which this browser does not offer (or has turned off).');
  }

  // The viewer's zone: the first Intl call loads locale data (about 100 ms), so it is made
  // now too rather than in the middle of start-up.
  var viewerZone = '';
  try { viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) {}
  // The zone files this visit needs first, fetched beside the code (rotaplan-zones.js).
  window.rotaplanZones.start(viewerZone);

  window.Module = {
    canvas: canvas,
    viewerZone: viewerZone,
    preRun: [function () { window.rotaplanZones.install(window.Module); }],
    // A plan file's zones are fetched before its text reaches the runtime (browser.cpp).
    rpZonesFor: window.rotaplanZones.forText,
    getPreloadedPackage: function (name, size) {
      var bytes = dataPackage;
      dataPackage = null;   // handed over once; the runtime keeps its own copy
      return bytes && bytes.byteLength === size ? bytes : null;
    },
    instantiateWasm: function (imports, receive) {
      compiled.then(function (module) {
        return WebAssembly.instantiate(module, imports).then(function (instance) { receive(instance, module); });
      }).catch(function (e) { fail('Rotaplan could not load its code: ' + e.message); });
      return {};
    },
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    setStatus: function (status) {
      if (!status) return;
      var m = status.match(/\((\d+(?:\.\d+)?)\/(\d+)\)/);
      if (m) bar.style.width = Math.round(100 * parseFloat(m[1]) / parseFloat(m[2])) + '%';
      text.textContent = 'Loading Rotaplan…';
    },
    onAbort: function (what) { fail('Rotaplan stopped: ' + what); },
    // Called by the page (js_api.cpp) once the plan is loaded and drawn.
    rotaplanStarted: function () {
      bar.style.width = '100%';
      loading.classList.add('done');
      // After the fade the indicator leaves the page, and its spinner stops turning.
      setTimeout(function () { if (loading.classList.contains('done')) loading.classList.add('gone'); }, 300);
      canvas.focus();
      if (window.rotaplanInstall) window.rotaplanInstall(window.Module);
    }
  };
  window.addEventListener('error', function (e) {
    if (!loading.classList.contains('done')) fail('Rotaplan could not start: ' + e.message);
  });
})();
