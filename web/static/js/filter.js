// Long lists of learners (a teacher's classes, a caseload): a filter by name, and a checkbox
// for the flagged ones only (no caring adult, a quiet tie), opening the groups that hold a
// match; and, after a note or check-in is saved from a learner's block (htmx), the keyboard
// focus on what the answer says.
(() => {
  const form = document.querySelector("form[data-filter]");
  if (form) {
    const list = document.querySelector(form.dataset.filter);
    const name = form.querySelector("input[type=search]");
    const flagged = form.querySelector("input[type=checkbox]");
    const status = form.querySelector("[role=status]");
    const apply = () => {
      const words = name.value.trim().toLowerCase();
      const only = flagged.checked;
      let shown = 0;
      for (const section of list.querySelectorAll("details.section")) {
        let inSection = 0;
        for (const learner of section.querySelectorAll("li.learner")) {
          const match = (!words || learner.dataset.name.includes(words)) &&
            (!only || learner.dataset.flagged === "yes");
          learner.hidden = !match;
          inSection += match ? 1 : 0;
        }
        section.hidden = inSection === 0;
        if (words || only) section.open = inSection > 0;
        shown += inSection;
      }
      status.textContent = words || only ? `${shown} learner${shown === 1 ? "" : "s"} shown` : "";
    };
    form.addEventListener("submit", (event) => event.preventDefault());
    name.addEventListener("input", apply);
    flagged.addEventListener("change", apply);
    // A folded list filled in once opened (htmx) is filtered as the one it replaced.
    document.addEventListener("htmx:after:swap", apply);
  }
  let sent = null; // the id of the learner's record block whose form went out
  document.addEventListener("htmx:before:request", (event) => {
    sent = event.target.closest?.(".record")?.id ?? null;
  });
  document.addEventListener("htmx:after:swap", () => {
    const block = sent && document.getElementById(sent);
    const where = block?.querySelector("[role=alert]") ?? block?.querySelector("[data-focus]");
    if (where) {
      if (where.tabIndex < 0) where.setAttribute("tabindex", "-1");
      where.focus();
    }
  });
})();
