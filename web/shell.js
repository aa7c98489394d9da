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
    loading.classList.remove('done');
    fail('The graphics context was lost. Reload the page; your plan is kept in this browser.');
  }, false);

  window.Module = {
    canvas: canvas,
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
      canvas.focus();
      if (window.rotaplanInstall) window.rotaplanInstall(window.Module);
    }
  };
  window.addEventListener('error', function (e) {
    if (!loading.classList.contains('done')) fail('Rotaplan could not start: ' + e.message);
  });
})();
