// After htmx swaps a section of the page (a form sent from it, a list asked for), move the
// keyboard focus back into that section: to what went wrong if anything did, else to the
// field it offers (data-focus), else to its heading. The section's own markup is replaced,
// so without this the focus would fall to the top of the page.
(() => {
  let section = null;
  document.addEventListener("htmx:before:request", (event) => {
    // A section that fills itself in once the page is there or once it is unfolded, or
    // refreshes itself (an import's progress, every second), keeps the focus where the
    // person left it.
    // htmx may send it from the document, not an element (a poll whose element a swap has
    // just replaced): nothing to move the focus back into then.
    const from = event.target instanceof Element ? event.target : null;
    const trigger = from?.getAttribute("hx-trigger") ?? "";
    const byItself = trigger === "load" || /^(every|toggle) /.test(trigger);
    section = byItself ? null : (from?.closest("section[id]")?.id ?? null);
  });
  document.addEventListener("htmx:after:swap", () => {
    const swapped = section && document.getElementById(section);
    if (!swapped) return;
    // The last [data-focus]: rows added below others (a report's next page) mark their
    // first row, and the rows added before keep their mark.
    const where =
      swapped.querySelector("[role=alert]") ??
      [...swapped.querySelectorAll("[data-focus]")].at(-1) ??
      swapped.querySelector("h2");
    if (where) {
      if (where.tabIndex < 0) where.setAttribute("tabindex", "-1"); // a heading, a message
      where.focus();
    }
  });
})();
