// Progressive enhancement only: every page works without this script.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // In each side-by-side report, scroll its own text box to the highlighted evidence.
  document.querySelectorAll(".article-text.scroll").forEach(function (box) {
    var mark = box.querySelector("mark.evidence");
    if (mark) {
      box.scrollTop = Math.max(0, mark.offsetTop - 48);
    }
  });
});
