// The program page's diagnostics follow the files on disk: every few seconds the page asks what
// `check` says now and redraws the list when the files it read have changed.
(function () {
  "use strict";
  var section = document.getElementById("diagnostics");
  if (!section) { return; }
  var list = document.getElementById("diagnostics-lines");
  var last = null;
  function draw(answer) {
    if (answer.digest === last) { return; }
    last = answer.digest;
    list.textContent = "";
    var lines = answer.lines.length ? answer.lines : [{ text: section.dataset.none, error: false }];
    lines.forEach(function (line) {
      var li = document.createElement("li");
      li.textContent = line.text;
      if (line.error) { li.className = "error"; }
      list.appendChild(li);
    });
  }
  function ask() {
    fetch(section.dataset.url, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(draw)
      .catch(function () {})
      .then(function () { setTimeout(ask, 5000); });
  }
  ask();
}());
