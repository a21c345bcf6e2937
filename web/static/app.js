// storyline pages: the only script. When the address points at a date's
// entries or at one entry (a click on the time axis), it opens them and
// marks their place on the axis. The pages work without it.
(function () {
  "use strict";
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    var shown = {};
    var entries = el.classList.contains("entry") ? [el] : el.querySelectorAll("li.entry");
    for (var i = 0; i < entries.length; i++) {
      var d = entries[i].querySelector("details");
      if (d) d.open = true;
      shown[entries[i].id.replace("entry-", "")] = true;
    }
    var marks = document.querySelectorAll(".axis-svg [data-entries]");
    for (var j = 0; j < marks.length; j++) {
      var on = marks[j].getAttribute("data-entries").split(" ").some(function (n) { return shown[n]; });
      marks[j].classList.toggle("active", on);
    }
    el.scrollIntoView({ block: "start" });
  }
  // On a screen narrower than the axis, scroll it to its most important
  // mark (the first label placed) rather than leave it at the left end.
  function centreAxis() {
    var box = document.querySelector(".axis-scroll");
    var label = box && box.querySelector(".labeltext");
    if (!label || box.scrollWidth <= box.clientWidth) return;
    var r = label.getBoundingClientRect(), b = box.getBoundingClientRect();
    var x = label.getAttribute("text-anchor") === "end" ? r.right : r.left;
    box.scrollLeft += x - b.left - box.clientWidth / 2;
  }
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("DOMContentLoaded", function () {
    centreAxis();
    openTarget();
  });
})();
