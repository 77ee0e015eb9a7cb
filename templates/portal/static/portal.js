// The composer weighs the draft as it is written: the form is sent (with its CSRF token) to
// /programs/<code>/weigh a moment after the last change, and the answer fills the «effect» panel.
(function () {
  "use strict";
  var form = document.getElementById("composer");
  if (!form) { return; }
  var words = document.getElementById("words").dataset;
  var state = document.getElementById("effect-state");
  var numbers = document.getElementById("effect-numbers");
  var reason = document.getElementById("effect-reason");
  var problems = document.getElementById("effect-problems");
  var timer = null;
  var asked = 0;

  function show(answer, number) {
    if (number !== asked) { return; }  // a newer question is on its way
    problems.textContent = "";
    (answer.problems || []).forEach(function (text) {
      var li = document.createElement("li");
      li.textContent = text;
      problems.appendChild(li);
    });
    if (!answer.ok) {
      state.textContent = words.failed;
      numbers.hidden = true;
      reason.hidden = true;
      return;
    }
    numbers.hidden = false;
    document.getElementById("e-hours").textContent =
      answer.hours_added + (answer.hours_max === null ? "" : " / " + answer.hours_max);
    document.getElementById("e-without").textContent = answer.duration_without_words;
    document.getElementById("e-with").textContent = answer.duration_with_words;
    var over = answer.hours_max !== null && answer.hours_added > answer.hours_max;
    state.textContent = answer.meets_target === false ? words.breaks : (over ? words.over : words.ok);
    state.className = answer.meets_target === false || over ? "bad" : "good";
    reason.hidden = !answer.reason;
    reason.textContent = answer.reason || "";
  }

  function weigh() {
    asked += 1;
    var number = asked;
    state.textContent = words.busy;
    state.className = "muted";
    var data = new FormData(form);
    fetch(form.dataset.weigh, {
      method: "POST",
      body: data,
      headers: { "X-CSRF-Token": data.get("csrf") },
      credentials: "same-origin"
    }).then(function (r) { return r.json(); })
      .then(function (answer) { show(answer, number); })
      .catch(function () { if (number === asked) { state.textContent = words.failed; } });
  }

  function later() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(weigh, 600);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  weigh();
}());
