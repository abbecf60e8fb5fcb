// The clock only; the page itself reloads by its meta refresh. A file, not an inline script:
// the Content-Security-Policy allows scripts from this site only.
(function tick() {
  var now = new Date();
  document.getElementById("clock").textContent = now.toLocaleTimeString("zh-CN", {hour: "2-digit", minute: "2-digit", timeZone: "Asia/Shanghai"});
  setTimeout(tick, 10000);
})();
