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

  // Starts dukao-home, the home screen alone, at the app's root, and the
  // whole app (dukao) on every other path.
  function startApp() {
    var path = window.location.pathname;
    var home = path === "/" || path === "" || /\/index\.html$/.test(path);
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
      .then(function () {
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
