// Tables too wide for the screen scroll sideways in their wrapper; a wrapper
// that scrolls becomes a tab stop so the keyboard can scroll it too (WCAG
// 2.1.1, axe's scrollable-region-focusable). Only those that overflow, so
// narrow tables add no tab stops.
function mark(): void {
  for (const wrap of document.querySelectorAll<HTMLElement>(".table-wrap")) {
    if (wrap.scrollWidth > wrap.clientWidth) wrap.tabIndex = 0;
    else wrap.removeAttribute("tabindex");
  }
}

mark();
addEventListener("resize", mark);
document.addEventListener("toggle", mark, true);
// Pages whose script renders tables (compare, search) are checked again when they do.
new MutationObserver(mark).observe(document.querySelector("main") ?? document.body, { childList: true, subtree: true });
