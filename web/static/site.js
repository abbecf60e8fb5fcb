// Small behaviours declared in the markup (data-print, data-select-all) instead of inline
// handlers, which the Content-Security-Policy refuses.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
  var field = event.target.closest("[data-select-all]");
  if (field) {
    field.select();
  }
});
