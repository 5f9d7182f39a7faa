// The interactive who-met-whom network: cytoscape.js (vendored, MIT) draws the nodes where the
// server's layout put them; zoom and pan with the wheel, a pinch or the buttons; a click on a
// participant reloads the page filtered to that participant's events. Without this script the
// table of pairs below the graph has the same data.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("network-graph");
  var source = document.getElementById("network-data");
  if (!box || !source || typeof cytoscape !== "function") {
    return;
  }
  var data = JSON.parse(source.textContent);
  box.hidden = false;
  var fallback = document.getElementById("network-svg");
  if (fallback) {
    fallback.remove();
  }
  var focus = new Set(data.focus || []);
  var colours = {person: "#0a6b48", country: "#8a3b12", organization: "#5b3cc4", location: "#0b5fa5",
                 gathering: "#a0146b"};
  var elements = data.nodes.map(function (n) {
    return {group: "nodes", data: {id: n.id, label: n.label, size: 2 * n.r, colour: colours[n.type] || "#57606a"},
            position: {x: n.x, y: n.y}, classes: focus.has(n.id) ? "focus" : ""};
  }).concat(data.edges.map(function (e) {
    return {group: "edges", data: {id: e.source + " " + e.target, source: e.source, target: e.target, width: e.w,
                                   meetings: e.meetings}};
  }));
  var cy = cytoscape({
    container: box,
    elements: elements,
    layout: {name: "preset", fit: true, padding: 24},
    minZoom: 0.2,
    maxZoom: 5,
    autoungrabify: true,
    style: [
      {selector: "node", style: {"background-color": "data(colour)", width: "data(size)", height: "data(size)",
                                 label: "data(label)", "font-size": 11, color: "#1b1f24", "text-valign": "bottom",
                                 "text-margin-y": 3, "text-outline-color": "#ffffff", "text-outline-width": 2}},
      {selector: "node.focus", style: {"border-width": 4, "border-color": "#c24e00", "font-weight": "bold"}},
      {selector: "node:active, node.hover", style: {"overlay-opacity": 0.15}},
      {selector: "edge", style: {width: "data(width)", "line-color": "#8c959f", opacity: 0.7, "curve-style": "haystack"}}
    ]
  });
  cy.on("tap", "node", function (event) {
    var url = new URL(window.location.href);
    url.searchParams.set("participant", event.target.id());
    url.searchParams.delete("offset");
    window.location.assign(url.toString());
  });
  cy.on("mouseover", "node", function (event) {
    event.target.addClass("hover");
    box.style.cursor = "pointer";
  });
  cy.on("mouseout", "node", function (event) {
    event.target.removeClass("hover");
    box.style.cursor = "";
  });
  document.querySelectorAll("[data-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      var how = button.getAttribute("data-zoom");
      if (how === "fit") {
        cy.fit(undefined, 24);
        return;
      }
      var centre = {x: box.clientWidth / 2, y: box.clientHeight / 2};
      cy.zoom({level: cy.zoom() * (how === "in" ? 1.4 : 1 / 1.4), renderedPosition: centre});
    });
  });
  box.classList.add("ready");
  window.communiqueNetwork = cy;  // for the browser tests: where each node is drawn
});
