// window.rotaplan: the page's JavaScript API (interfaces.md), and window.rotaplanTest,
// the hook the browser tests use. Both call the C functions of src/app/js_api.cpp.
// window.rotaplanReady resolves to window.rotaplan once the runtime has started and
// the plan is loaded and drawn.
(function () {
  'use strict';
  var resolveReady;
  window.rotaplanReady = new Promise(function (resolve) { resolveReady = resolve; });

  window.rotaplanInstall = function (Module) {
    // Strings go in through the heap (ccall's 'string' arguments live on the small stack,
    // and a plan can be megabytes).
    function withString(text, fn) {
      var bytes = new TextEncoder().encode(String(text));
      var ptr = Module._malloc(bytes.length + 1);
      Module.HEAPU8.set(bytes, ptr);
      Module.HEAPU8[ptr + bytes.length] = 0;
      try { return fn(ptr, bytes.length); } finally { Module._free(ptr); }
    }
    function callJson(name, argTypes, args) {
      return JSON.parse(Module.ccall(name, 'string', argTypes, args));
    }
    function withOptions(name, options) {
      var opts = JSON.stringify(options || {});
      return withString(opts, function (p) { return callJson(name, ['number'], [p]); });
    }
    function unwrap(result, key) {
      if (!result.ok) throw new Error(result.error);
      return result[key];
    }

    var api = {
      loadPlan: function (text) {
        var r = withString(text, function (p, n) {
          return callJson('rp_api_load_plan', ['number', 'number'], [p, n]);
        });
        return r.ok ? { ok: true } : { ok: false, error: r.error };
      },
      planJson: function () { return Module.ccall('rp_api_plan_json', 'string', [], []); },
      // check() at the page's today (the viewer's clock in the team's zone); check({today: 'YYYY-MM-DD'})
      check: function (options) {
        if (options === undefined) return unwrap(callJson('rp_api_check', [], []), 'report');
        return unwrap(withOptions('rp_api_check_with', options), 'report');
      },
      simulate: function (requestId) {
        return unwrap(callJson('rp_api_simulate', ['string'], [String(requestId)]), 'simulation');
      },
      escalate: function (options) {
        var opts = JSON.stringify(options || {});
        return unwrap(withString(opts, function (p) {
          return callJson('rp_api_escalate', ['number'], [p]);
        }), 'timeline');
      },
      gaps: function () { return unwrap(callJson('rp_api_gaps', [], []), 'gaps'); },
      // kind: pagerduty, opsgenie, grafana-oncall, goalert or ics; files: {primary, secondary,
      // shadow} as texts; options: {timezone, handoff: 'monday@09:00', replace: true}.
      // Returns {ok: true, plan, losses} (the open plan replaced, undoably, unless
      // replace is false) or {ok: false, error}.
      importText: function (kind, files, options) {
        var f = JSON.stringify(files || {}), o = JSON.stringify(options || {});
        return withString(f, function (pf) {
          return withString(o, function (po) {
            return callJson('rp_api_import', ['string', 'number', 'number'], [String(kind), pf, po]);
          });
        });
      },
      // Published rotations (docs/changes.md), as the CLI commands of the same names.
      publish: function (options) {
        var r = withOptions('rp_api_publish', options);
        if (!r.ok) { var e = new Error(r.error); e.blockers = r.blockers || []; throw e; }
        return { at: r.at, weeks: r.weeks };
      },
      diff: function (options) { return unwrap(withOptions('rp_api_diff', options), 'diff'); },
      announce: function (options) { return unwrap(withOptions('rp_api_announce', options), 'text'); },
      whois: function (options) { return unwrap(withOptions('rp_api_whois', options), 'whois'); },
      next: function (options) { return unwrap(withOptions('rp_api_next', options), 'next'); },
      review: function (options) { return unwrap(withOptions('rp_api_review', options), 'review'); },
      exportText: function (format, options) {
        var opts = JSON.stringify(options || {});
        return unwrap(withString(opts, function (p) {
          return callJson('rp_api_export', ['string', 'number'], [String(format), p]);
        }), 'text');
      }
    };

    var test = {
      // {x, y, w, h} in CSS pixels (page coordinates) of the last frame's item with that
      // label (docs/page.md lists them), or null when it was not drawn.
      widgetRect: function (label) {
        var r = JSON.parse(Module.ccall('rp_test_widget_rect', 'string', ['string'], [String(label)]));
        if (!r) return null;
        var c = Module.canvas.getBoundingClientRect();
        return { x: r.x + c.left, y: r.y + c.top, w: r.w, h: r.h };
      },
      // The text shown by the item with that label in the last frame, where the page
      // records it (docs/page.md, "widgetText"), or null.
      widgetText: function (label) {
        return JSON.parse(Module.ccall('rp_test_widget_text', 'string', ['string'], [String(label)]));
      },
      undo: function () { Module.ccall('rp_test_undo', null, [], []); },
      redo: function () { Module.ccall('rp_test_redo', null, [], []); },
      canUndo: function () { return Module.ccall('rp_test_can_undo', 'number', [], []) !== 0; },
      canRedo: function () { return Module.ccall('rp_test_can_redo', 'number', [], []) !== 0; },
      undoDescription: function () { return Module.ccall('rp_test_undo_description', 'string', [], []); },
      // Milliseconds the last frame's UI took (ImGui build and draw lists, no GPU).
      frameMs: function () { return Module.ccall('rp_test_frame_ms', 'number', [], []); },
      revision: function () { return Module.ccall('rp_test_revision', 'number', [], []); },
      // The Import dialog's preview: {show, vendor, files, ok, error, losses, weeks}.
      importPreview: function () { return JSON.parse(Module.ccall('rp_test_import_preview', 'string', [], [])); },
      // Saving in the browser (storage.cpp): {available, base_seq, in_flight, saved, sample,
      // conflict, failure, blocked, saves, undo_steps, redo_steps, history_bytes}.
      storageState: function () { return JSON.parse(Module.ccall('rp_test_storage_state', 'string', [], [])); },
      // {used, total}: bytes of the wasm heap in use, and its size.
      heap: function () { return JSON.parse(Module.ccall('rp_test_heap', 'string', [], [])); },
      // Resolves once the plan as it is now is saved (or the save failed or met another tab's).
      saved: function (timeoutMs) {
        var t0 = Date.now();
        return new Promise(function (resolve, reject) {
          (function poll() {
            var s = test.storageState();
            if ((s.saved || s.sample) && !s.in_flight || s.failure || s.conflict) resolve(s);
            else if (Date.now() - t0 > (timeoutMs || 10000)) reject(new Error('not saved: ' + JSON.stringify(s)));
            else setTimeout(poll, 20);
          })();
        });
      },
      // Queues "Set the note of week N" as one edit, applied by the next frame (the page bench).
      editNote: function (week, text) { Module.ccall('rp_test_edit_note', null, ['number', 'string'], [week, String(text)]); },
      // Removes everything the page stored in this browser (tests start from nothing).
      clearStorage: function () { return window.rotaplanStore ? window.rotaplanStore.clearAll() : Promise.resolve(); },
      // Fixes the page's today (the date the notice window starts); '' = the clock again.
      setToday: function (date) { return Module.ccall('rp_test_set_today', 'number', ['string'], [String(date || '')]) !== 0; }
    };

    // The page draws only when something changed (src/app/redraw.hpp): every call wakes
    // its loop so the page shows the result, except the two pure readings of the test hook.
    function waking(fn) {
      return function () {
        try { return fn.apply(this, arguments); } finally { if (Module.rpWake) Module.rpWake(2); }
      };
    }
    for (var k in api) api[k] = waking(api[k]);
    test.framesDrawn = function () { return Module.ccall('rp_test_frames_drawn', 'number', [], []); };
    test.fontPixelRatio = function () { return Module.ccall('rp_test_font_ratio', 'number', [], []); };
    test.focusedPanel = function () { return Module.ccall('rp_test_focused_panel', 'string', [], []); };
    test.calendarReadout = function () { return Module.ccall('rp_test_calendar_readout', 'string', [], []); };
    test.contrastPairs = function (dark) {
      return JSON.parse(Module.ccall('rp_test_contrast_pairs', 'string', ['number'], [dark ? 1 : 0]));
    };
    // Resolves after n more frames have been drawn (asking the loop for them).
    test.frames = function (n) {
      n = n || 2;
      var target = test.framesDrawn() + n;
      if (Module.rpWake) Module.rpWake(n);
      return new Promise(function (resolve) {
        (function poll() { if (test.framesDrawn() >= target) resolve(); else requestAnimationFrame(poll); })();
      });
    };
    var keep = { frameMs: 1, framesDrawn: 1, frames: 1 };
    for (var t in test) if (!keep[t]) test[t] = waking(test[t]);

    window.rotaplan = api;
    window.rotaplanTest = test;
    resolveReady(api);
  };
})();
