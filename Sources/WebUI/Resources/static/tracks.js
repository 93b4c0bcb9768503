// Timelines: places each block (and the now marker) on its day's track. The server gives the place in data-place
// ("left:…%;width:…%"); the Content-Security-Policy allows no style attributes in the page, so the
// script sets it through the DOM instead.
(function () {
  "use strict";
  document.querySelectorAll(".track [data-place]").forEach(function (block) {
    block.style.cssText = block.dataset.place;
  });
})();
