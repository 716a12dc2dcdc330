// The network picture (cytoscape): the learner at the centre, rings by how many
// relationships away; a shape per kind of node, a colour per relationship type. Its data
// is the page's #network-data (the API's network answer as elements, nothing added).
// Clicking a person opens their page; the checkboxes of #network-filter show or hide the
// relationships of a type (and the nodes left with none shown). `window.cy` is the picture.
(() => {
  const data = document.getElementById("network-data");
  const container = document.getElementById("network-canvas");
  if (!data || !container || typeof cytoscape !== "function") return;
  const { elements, shapes } = JSON.parse(data.textContent);
  const cy = cytoscape({
    container,
    elements,
    layout: {
      name: "concentric",
      concentric: (node) => 10 - node.data("hops"),
      levelWidth: () => 1,
      minNodeSpacing: 60,
      animate: false,
    },
    style: [
      {
        selector: "node",
        style: {
          label: "data(label)",
          shape: (node) => shapes[node.data("kind")] || "ellipse",
          "background-color": "#e2e8f0",
          "border-width": 2,
          "border-color": "#334155",
          "font-size": 11,
          color: "#1b1f24",
          "text-valign": "bottom",
          "text-margin-y": 4,
          "text-wrap": "ellipsis",
          "text-max-width": 160,
          width: 26,
          height: 26,
        },
      },
      { selector: "node[?href]", style: { "background-color": "#dbeafe", "border-color": "#0a4f8a" } },
      {
        selector: "node[?centre]",
        style: { width: 40, height: 40, "background-color": "#0a4f8a", "font-weight": "bold", "font-size": 13 },
      },
      {
        selector: "edge",
        style: {
          width: 2.5,
          "line-color": "data(colour)",
          "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.8,
          "curve-style": "bezier",
        },
      },
      { selector: ".hidden", style: { display: "none" } },
    ],
  });
  window.cy = cy;
  // The canvas takes its size from the page's layout, which may settle after the picture
  // is drawn (and changes with the window): fit the picture to it again each time.
  new ResizeObserver(() => {
    cy.resize();
    cy.fit(undefined, 24);
  }).observe(container);

  cy.on("tap", "node", (event) => {
    const href = event.target.data("href");
    if (href) window.location.assign(href);
  });
  cy.on("mouseover", "node[?href]", () => { container.style.cursor = "pointer"; });
  cy.on("mouseout", "node", () => { container.style.cursor = ""; });

  const filter = document.getElementById("network-filter");
  filter?.addEventListener("change", () => {
    const shown = new Set(
      [...filter.querySelectorAll("input[type=checkbox]:checked")].map((box) => box.value)
    );
    cy.batch(() => {
      cy.edges().forEach((edge) => {
        edge.toggleClass("hidden", !shown.has(edge.data("type")));
      });
      cy.nodes().forEach((node) => {
        const linked = node.connectedEdges().some((edge) => !edge.hasClass("hidden"));
        node.toggleClass("hidden", !node.data("centre") && !linked);
      });
    });
  });
})();
