// Start-up: picks and starts the build of the wasm app, removes the
// static shell once the app has started, reports a failed start in
// Chinese, registers the service worker and loads ECharts on demand.
(function () {
  "use strict";

  var shell = document.getElementById("app-shell");
  var started = false;

  function showShellMessage(text) {
    var message = document.getElementById("app-shell-message");
    if (message) message.textContent = text;
  }

  // startApp below dispatches this event (the name Trunk's own loader
  // uses) after the wasm module's start function has mounted the app.
  window.addEventListener("TrunkApplicationStarted", function () {
    started = true;
    if (shell && shell.parentNode) shell.parentNode.removeChild(shell);
  });

  // Until the app has started, a failed load (a missing wasm file, a
  // browser without WebAssembly) would otherwise leave "正在加载…" forever.
  function reportStartFailure(reason) {
    if (started) return;
    console.error("dukao: the app failed to start:", reason);
    showShellMessage("督考加载失败：请检查网络连接后刷新页面。");
  }
  window.addEventListener("unhandledrejection", function (event) {
    reportStartFailure(event.reason);
  });
  window.addEventListener("error", function (event) {
    reportStartFailure(event.error || event.message);
  });
  if (typeof WebAssembly !== "object") {
    reportStartFailure("WebAssembly is not supported");
    showShellMessage("此浏览器不支持 WebAssembly，请使用新版浏览器打开督考。");
  }

  // Resolve URLs against this script's own location, which is the app's
  // root, so that deep links such as /indicators/x still find /sw.js.
  var base = document.currentScript
    ? document.currentScript.src
    : document.baseURI;

  if ("serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", function () {
      navigator.serviceWorker
        .register(new URL("sw.js", base).href)
        .catch(function (error) {
          console.warn("dukao: service worker registration failed:", error);
        });
    });
  }

  // The query parameter that carries a screen's path from the home build
  // to the whole app: "/?open=/tasks" starts the whole app on /tasks.
  var OPEN = "open";

  function isHomePath(path) {
    return path === "/" || path === "" || /\/index\.html$/.test(path);
  }

  // Returns the same-origin path in `text`, or null for anything else.
  function sameOriginPath(text) {
    try {
      var url = new URL(text, window.location.href);
      if (url.origin !== window.location.origin) return null;
      return url.pathname + url.search + url.hash;
    } catch (error) {
      return null;
    }
  }

  // On the home build, a click on a link to another screen loads
  // "/?open=<path>" instead of <path>, because a static host without a
  // fallback to index.html returns 404 for /tasks but serves /.
  function routeLinksThroughRoot() {
    document.addEventListener(
      "click",
      function (event) {
        if (event.defaultPrevented || event.button !== 0) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
          return;
        }
        var link = event.target.closest && event.target.closest("a[href]");
        if (!link || (link.target && link.target !== "_self")) return;
        if (link.hasAttribute("download")) return;
        var path = sameOriginPath(link.getAttribute("href"));
        if (path === null || isHomePath(path.split(/[?#]/)[0])) return;
        event.preventDefault();
        window.location.assign(
          new URL("./?" + OPEN + "=" + encodeURIComponent(path), base).href,
        );
      },
      true,
    );
  }

  // Keeps the home screen's scroll position across a visit to another
  // screen and Back: the browser's own restoring runs before the app has
  // drawn the screen, so it would land at the top.
  function restoreHomeScroll() {
    var key = "dukao-home-scroll";
    if ("scrollRestoration" in window.history) {
      window.history.scrollRestoration = "manual";
    }
    window.addEventListener("pagehide", function () {
      try {
        window.sessionStorage.setItem(key, String(window.scrollY));
      } catch (error) {
        // Storage may be off (private mode); the position is then lost.
      }
    });
    var saved = 0;
    try {
      saved = Number(window.sessionStorage.getItem(key)) || 0;
    } catch (error) {
      return;
    }
    var navigation = performance.getEntriesByType("navigation")[0];
    if (!saved || !navigation || navigation.type !== "back_forward") return;
    // Waits (at most 5 s) until the page is tall enough to scroll there.
    var deadline = Date.now() + 5000;
    (function attempt() {
      var tall = document.documentElement.scrollHeight >= saved + window.innerHeight;
      if (tall || Date.now() > deadline) {
        window.scrollTo(0, saved);
      } else {
        window.requestAnimationFrame(attempt);
      }
    })();
  }

  // Starts dukao-home, the home screen alone, at the app's root, and the
  // whole app (dukao) on every other path or with "?open=<path>".
  function startApp() {
    var home = isHomePath(window.location.pathname);
    var open = new URLSearchParams(window.location.search).get(OPEN);
    var target = home && open ? sameOriginPath(open) : null;
    if (target !== null && target.charAt(0) === "/") {
      window.history.replaceState(null, "", target);
      home = isHomePath(window.location.pathname);
    }
    if (home) {
      routeLinksThroughRoot();
      restoreHomeScroll();
    }

    var meta = document.querySelector(
      'meta[name="' + (home ? "dukao-home" : "dukao-app") + '"]',
    );
    if (!meta) {
      reportStartFailure("index.html lacks the meta tag naming the build");
      return;
    }
    var script = new URL(meta.content, base).href;
    var wasm = script.replace(/\.js$/, "_bg.wasm");
    import(script)
      .then(function (module) {
        return module.default({ module_or_path: wasm });
      })
      .then(function (exports) {
        // For tools/kiosk-soak.mjs, which watches the wasm memory grow.
        window.dukaoWasmMemory = exports.memory;
        window.dispatchEvent(new CustomEvent("TrunkApplicationStarted"));
      })
      .catch(reportStartFailure);
  }
  if (typeof WebAssembly === "object") startApp();

  var echartsPromise = null;

  // Returns a promise of the global `echarts`, adding its script element on
  // the first call. src/charts.rs calls this before it creates a chart.
  window.dukaoLoadECharts = function () {
    if (window.echarts) return Promise.resolve(window.echarts);
    if (echartsPromise) return echartsPromise;
    var meta = document.querySelector('meta[name="dukao-echarts"]');
    var src = new URL(meta ? meta.content : "echarts.min.js", base).href;
    echartsPromise = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = function () {
        if (window.echarts) {
          resolve(window.echarts);
        } else {
          reject(new Error("ECharts script loaded but defined no echarts"));
        }
      };
      script.onerror = function () {
        // Allow a later chart to try again, e.g. after the network is back.
        echartsPromise = null;
        script.parentNode.removeChild(script);
        reject(new Error("failed to load ECharts from " + src));
      };
      document.head.appendChild(script);
    });
    return echartsPromise;
  };
})();
