// Search results: the arrow keys move between results (and down from the search box), Home
// and End to the first and last; Tab still goes through the links as usual.
(() => {
  const list = document.querySelector("ol.results");
  if (!list) return;
  const targets = () => [...list.querySelectorAll("li > :first-child")];
  const move = (from, step) => {
    const all = targets();
    const at = all.indexOf(from);
    const next = step === "first" ? all[0] : step === "last" ? all.at(-1)
      : all[Math.min(Math.max(at + step, 0), all.length - 1)];
    next?.focus();
  };
  list.addEventListener("keydown", (event) => {
    const steps = { ArrowDown: 1, ArrowUp: -1, Home: "first", End: "last" };
    if (!(event.key in steps)) return;
    event.preventDefault();
    move(event.target.closest("li > :first-child"), steps[event.key]);
  });
  document.getElementById("site-search")?.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      targets()[0]?.focus();
    }
  });
})();
