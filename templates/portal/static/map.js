// The program map: colour the nodes by the key chosen, and on a click (or Enter) highlight what the
// node requires and what depends on it, and show what `constructor explain` says of it.
(function () {
  "use strict";
  var svg = document.getElementById("map");
  if (!svg) { return; }
  var words = document.getElementById("map-words").dataset;
  var nodes = Array.prototype.slice.call(svg.querySelectorAll("g.node"));
  var edges = Array.prototype.slice.call(svg.querySelectorAll("line.edge"));
  var palette = ["#8ab4f8", "#81c995", "#fdd663", "#f28b82", "#c58af9", "#78d9ec", "#fcad70", "#a8c7fa",
                 "#e6c9a8", "#b7e1cd", "#d7aefb", "#fbbc04", "#aecbfa", "#ccff90"];
  var requires = {};
  var needed = {};
  nodes.forEach(function (n) {
    var code = n.dataset.code;
    requires[code] = n.dataset.requires ? n.dataset.requires.split(" ") : [];
    requires[code].forEach(function (r) { (needed[r] = needed[r] || []).push(code); });
  });

  function colour(key) {
    var seen = {};
    var order = [];
    nodes.forEach(function (n) {
      var value = n.dataset[key] || "";
      if (!(value in seen)) { seen[value] = order.length; order.push(value); }
      n.querySelector("rect").setAttribute("fill", value ? palette[seen[value] % palette.length] : "#f1f3f4");
    });
    var legend = document.getElementById("legend");
    legend.textContent = "";
    order.filter(function (v) { return v; }).forEach(function (value) {
      var item = document.createElement("span");
      item.className = "swatch";
      var box = document.createElement("i");
      box.style.background = palette[seen[value] % palette.length];
      item.appendChild(box);
      item.appendChild(document.createTextNode(value));
      legend.appendChild(item);
    });
  }

  function closure(start, links) {
    var out = {};
    var stack = [start];
    while (stack.length) {
      (links[stack.pop()] || []).forEach(function (c) {
        if (!out[c]) { out[c] = true; stack.push(c); }
      });
    }
    return out;
  }

  function pick(node) {
    var code = node.dataset.code;
    var up = closure(code, requires);
    var down = closure(code, needed);
    nodes.forEach(function (n) {
      var c = n.dataset.code;
      n.classList.toggle("picked", c === code);
      n.classList.toggle("required", !!up[c]);
      n.classList.toggle("dependent", !!down[c]);
      n.classList.toggle("faded", c !== code && !up[c] && !down[c]);
    });
    edges.forEach(function (e) {
      var on = (e.dataset.to === code || up[e.dataset.to]) && (up[e.dataset.from] || e.dataset.from === code) ||
               (e.dataset.from === code || down[e.dataset.from]) && (down[e.dataset.to]);
      e.classList.toggle("lit", !!on);
    });
    document.getElementById("explain-code").textContent = code;
    document.getElementById("explain-title").textContent = node.querySelector("title").textContent;
    document.getElementById("explain-links").textContent =
      words.requires + ": " + (Object.keys(up).join(", ") || words.none) + ". " +
      words.needed + ": " + (Object.keys(down).join(", ") || words.none) + ".";
    var text = document.getElementById("explain-text");
    text.textContent = words.busy;
    fetch(words.explain + encodeURIComponent(code), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (answer) { text.textContent = answer.text || ""; })
      .catch(function () { text.textContent = ""; });
  }

  nodes.forEach(function (n) {
    n.addEventListener("click", function () { pick(n); });
    n.addEventListener("keydown", function (e) { if (e.key === "Enter") { pick(n); } });
  });
  var select = document.getElementById("colour-by");
  select.addEventListener("change", function () { colour(select.value); });
  colour(select.value);
}());
