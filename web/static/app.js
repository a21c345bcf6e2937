// storyline pages: the only script. It opens the entry a time-axis dot
// or a link points at and marks the dot of the entry being read. The
// pages work without it.
(function () {
  "use strict";
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    var d = el.querySelector("details");
    if (d) d.open = true;
    var dots = document.querySelectorAll(".dot");
    for (var i = 0; i < dots.length; i++) {
      dots[i].classList.toggle("active", "entry-" + dots[i].getAttribute("data-entry") === id);
    }
    el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("DOMContentLoaded", openTarget);
})();
