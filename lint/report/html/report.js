// unitlint HTML report: a highlighted conversion opens its explanation on
// hover, on keyboard focus, and stays open after a click, Enter or Space
// until Escape, another click, or a click elsewhere.
(function () {
  "use strict";
  // place keeps an explanation inside the window: it starts under the
  // highlight and moves left as far as it must.
  function place(hl) {
    var tip = hl.querySelector(".tip");
    if (!tip) {
      return;
    }
    tip.style.left = "0px";
    var r = tip.getBoundingClientRect();
    var room = document.documentElement.clientWidth - 8;
    if (r.width > 0 && r.right > room) {
      tip.style.left = -Math.min(r.right - room, r.left - 8) + "px";
    }
  }
  function show(ev) {
    var hl = ev.target.closest ? ev.target.closest(".hl") : null;
    if (hl) {
      place(hl);
    }
  }
  document.addEventListener("mouseover", show);
  document.addEventListener("focusin", show);
  function setOpen(hl, open) {
    hl.classList.toggle("open", open);
    var mark = hl.querySelector("mark");
    if (mark) {
      mark.setAttribute("aria-expanded", open ? "true" : "false");
    }
  }
  function closeAll(except) {
    document.querySelectorAll(".hl.open").forEach(function (hl) {
      if (hl !== except) {
        setOpen(hl, false);
      }
    });
  }
  document.addEventListener("click", function (ev) {
    var mark = ev.target.closest ? ev.target.closest("mark") : null;
    var hl = mark ? mark.parentElement : null;
    if (!hl || !hl.classList.contains("hl")) {
      if (!ev.target.closest || !ev.target.closest(".tip")) {
        closeAll(null);
      }
      return;
    }
    closeAll(hl);
    setOpen(hl, !hl.classList.contains("open"));
    place(hl);
  });
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.key === "Escape") {
      closeAll(null);
      return;
    }
    if ((ev.key === "Enter" || ev.key === " ") && t.tagName === "MARK" && t.parentElement.classList.contains("hl")) {
      ev.preventDefault();
      closeAll(t.parentElement);
      setOpen(t.parentElement, !t.parentElement.classList.contains("open"));
    }
  });
})();
