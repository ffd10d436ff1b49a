/* The S-400/F-35 tradeoff explorer: the model of explainer/tradeoff.py, in the browser.
 *
 * Reads the model's tables from the JSON block written by explainer/tradeoff_explorer.py, draws
 * with the page's global Plotly (no other library, no network) and exposes
 * window.tradeoffExplorer.evaluate(weights, parameters) -> {ranking, totals}.
 * Every arithmetic step repeats explainer.tradeoff._criterion_arrays in the same order, and the
 * robustness draws use the same Mulberry32 generator and seed, so both give the same numbers.
 */
(function (rootId) {
  "use strict";
  var root = document.getElementById(rootId);
  var model = JSON.parse(document.getElementById(rootId + "-model").textContent);
  var CRITERIA = model.criteria;
  var OPTIONS = model.options;
  var PARAMS = {};
  model.parameters.forEach(function (p) { PARAMS[p.name] = p; });

  function fail(message) { throw new Error("tradeoffExplorer: " + message); }

  function isNumber(value) { return typeof value === "number" && isFinite(value); }

  function checkWeights(weights) {
    var checked = {};
    CRITERIA.forEach(function (c) { checked[c] = weights == null ? 1 : 0; });
    if (weights == null) return checked;
    if (typeof weights !== "object") fail("weights must be an object from criterion to weight");
    var any = false;
    Object.keys(weights).forEach(function (name) {
      if (CRITERIA.indexOf(name) < 0) fail("unknown criterion '" + name + "' in weights");
      var value = weights[name];
      if (!isNumber(value)) fail("weight for '" + name + "' must be a finite number, got " + value);
      if (value < 0) fail("weight for '" + name + "' must not be negative, got " + value);
      checked[name] = value;
      if (value > 0) any = true;
    });
    if (!any) fail("weights are all zero; give at least one criterion a positive weight");
    return checked;
  }

  function checkParameters(parameters) {
    var values = {};
    model.parameters.forEach(function (p) { values[p.name] = p.value; });
    if (parameters == null) return values;
    if (typeof parameters !== "object") fail("parameters must be an object from parameter name to value");
    Object.keys(parameters).forEach(function (name) {
      if (!(name in PARAMS)) fail("unknown parameter '" + name + "'");
      var value = parameters[name];
      if (!isNumber(value)) fail("parameter '" + name + "' must be a finite number, got " + value);
      if (value < PARAMS[name].low || value > PARAMS[name].high) {
        fail("parameter '" + name + "' must lie between " + PARAMS[name].low + " and " + PARAMS[name].high + ", got " + value);
      }
      values[name] = value;
    });
    return values;
  }

  /* One option's criterion scores and money at one setting (see _criterion_arrays). */
  function criteria(option, v) {
    var credit = v.unclear_credit, horizon = v.horizon_years;
    var f = option.f35, s = option.caatsa;
    var shareF35 = (f[0] + f[1] * credit) / f[2];
    var shareCaatsa = (s[0] + s[1] * credit) / s[2];
    var pF35 = shareF35 * v.follow_through_chance;
    var recovery = option.via === "us-purchase" ? v.us_purchase_recovery : option.via === "resale" ? v.s400_resale_recovery : 0;
    var workshare = pF35 * (v.workshare_regain_share * (v.f35_workshare_bn * v.workshare_value_share));
    var payments = pF35 * (v.f35_payments_credit * v.f35_paid_bn);
    var recovered = recovery * v.s400_price_bn;
    var replacement = option.gives_up ? -v.replacement_air_defence_bn : 0;
    var net = workshare + payments + recovered + replacement;
    var years = Math.min(horizon, pF35 * (v.legal_resolution_years + v.f35_delivery_years) + (1 - pF35) * horizon);
    var gap = option.gives_up ? Math.min(horizon, v.replacement_air_defence_years) : 0;
    return {
      pF35: pF35,
      money: [workshare, payments, recovered, replacement, net],
      scores: [
        (shareF35 + shareCaatsa) / 2,
        (net - model.money_bounds[0]) / (model.money_bounds[1] - model.money_bounds[0]),
        1 - (years + gap) / (2 * horizon),
        (v[option.relations_us] + 1) / 2,
        (v[option.relations_ru] + 1) / 2
      ]
    };
  }

  function weightedTotal(scores, w) {
    var total = 0, sum = 0;
    for (var i = 0; i < CRITERIA.length; i++) { total = total + w[CRITERIA[i]] * scores[i]; sum = sum + w[CRITERIA[i]]; }
    return total / sum;
  }

  /* Option indices, first to last; ties in table order. */
  function order(totals) {
    var idx = totals.map(function (_t, i) { return i; });
    idx.sort(function (a, b) { return (totals[b] - totals[a]) || (a - b); });
    return idx;
  }

  /* Exact comparison of two weighted sums of doubles, as the Python model compares its exact
     fractions: every product split into two doubles without error (Dekker), the sum kept as a
     non-overlapping expansion (Shewchuk's Grow-Expansion), whose sign is that of its largest
     component. Plain floating point would call some near-ties ties that Python does not. */
  var SPLITTER = 134217729;  // 2^27 + 1
  function twoSum(a, b) { var s = a + b, bb = s - a; return [s, (a - (s - bb)) + (b - bb)]; }
  function twoProduct(a, b) {
    var p = a * b, c = SPLITTER * a, ah = c - (c - a), al = a - ah;
    c = SPLITTER * b; var bh = c - (c - b), bl = b - bh;
    return [p, al * bl - (((p - ah * bh) - al * bh) - ah * bl)];
  }
  function exactSign(terms) {
    var expansion = [];
    for (var t = 0; t < terms.length; t++) {
      var q = terms[t], next = [];
      for (var i = 0; i < expansion.length; i++) { var r = twoSum(q, expansion[i]); q = r[0]; if (r[1] !== 0) next.push(r[1]); }
      if (q !== 0) next.push(q);
      expansion = next;
    }
    return expansion.length ? Math.sign(expansion[expansion.length - 1]) : 0;
  }
  function exactCompare(a, b, w) {  // > 0 when a's weighted total is larger
    var terms = [];
    for (var i = 0; i < CRITERIA.length; i++) {
      var x = twoProduct(w[CRITERIA[i]], a[i]), y = twoProduct(w[CRITERIA[i]], b[i]);
      terms.push(x[0], x[1], -y[0], -y[1]);
    }
    return exactSign(terms);
  }

  /* Option indices, first to last, by exact comparison; ties in table order. */
  function exactOrder(scores, w) {
    var ranking = scores.map(function (_s, i) { return i; });
    ranking.sort(function (a, b) { return -exactCompare(scores[a], scores[b], w) || (a - b); });
    return ranking;
  }

  function evaluate(weights, parameters) {
    var w = checkWeights(weights), v = checkParameters(parameters);
    var scores = OPTIONS.map(function (o) { return criteria(o, v).scores; });
    var totals = scores.map(function (s) { return weightedTotal(s, w); });
    var ranking = exactOrder(scores, w), out = {};
    OPTIONS.forEach(function (o, i) { out[o.id] = totals[i]; });
    return { ranking: ranking.map(function (i) { return OPTIONS[i].id; }), totals: out };
  }

  function mulberry32(a) {
    return function () {
      a = a + 0x6D2B79F5 | 0;
      var t = Math.imul(a ^ a >>> 15, 1 | a);
      t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
      return ((t ^ t >>> 14) >>> 0) / 4294967296;
    };
  }

  /* Criterion scores of every option in every draw, computed once. */
  var drawnScores = (function () {
    var next = mulberry32(model.seed), drawn = model.parameters.filter(function (p) { return p.distribution === "uniform"; });
    var all = [];
    for (var d = 0; d < model.draws; d++) {
      var v = {};
      model.parameters.forEach(function (p) { v[p.name] = p.value; });
      drawn.forEach(function (p) { v[p.name] = p.low + next() * (p.high - p.low); });
      all.push(OPTIONS.map(function (o) { return criteria(o, v).scores; }));
    }
    return all;
  })();

  function interval(values) {
    var sorted = Float64Array.from(values).sort(), n = sorted.length;
    return [sorted[Math.floor(0.05 * (n - 1))], sorted[Math.ceil(0.95 * (n - 1))]];
  }

  /* The 5th and 95th percentile ranks (order statistics), from the count of draws at each rank. */
  function rankInterval(counts, n) {
    var lowAt = Math.floor(0.05 * (n - 1)), highAt = Math.ceil(0.95 * (n - 1)), seen = 0, low = null, high = null;
    for (var rank = 1; rank < counts.length; rank++) {
      seen += counts[rank];
      if (low === null && seen > lowAt) low = rank;
      if (high === null && seen > highAt) high = rank;
    }
    return [low, high];
  }

  function totalsAt(v, w) {
    return OPTIONS.map(function (o) { return weightedTotal(criteria(o, v).scores, w); });
  }

  function marginOver(totals, base) {
    var best = -Infinity;
    for (var i = 0; i < totals.length; i++) if (i !== base && totals[i] > best) best = totals[i];
    return totals[base] - best;
  }

  function robustness(weights, parameters) {
    var w = checkWeights(weights), v = checkParameters(parameters), n = model.draws, k = OPTIONS.length;
    var firsts = new Array(k).fill(0), rankCounts = [], totals = [];
    for (var i = 0; i < k; i++) { rankCounts.push(new Array(k + 1).fill(0)); totals.push(new Float64Array(n)); }
    var t = new Array(k);
    for (var d = 0; d < n; d++) {
      var draw = drawnScores[d];
      for (i = 0; i < k; i++) { t[i] = weightedTotal(draw[i], w); totals[i][d] = t[i]; }
      var ranked = order(t);
      firsts[ranked[0]] += 1;
      for (var position = 0; position < k; position++) rankCounts[ranked[position]][position + 1] += 1;
    }
    var baseTotals = totalsAt(v, w), base = order(baseTotals)[0];
    var oat = model.contestable.map(function (name) {
      var ends = [PARAMS[name].low, PARAMS[name].high].map(function (value) {
        var changed = Object.assign({}, v); changed[name] = value;
        var at = totalsAt(changed, w);
        return { leader: order(at)[0], margin: marginOver(at, base) };
      });
      var row = { name: name, label: PARAMS[name].label, low: ends[0], high: ends[1] };
      row.changes = row.low.leader !== base || row.high.leader !== base;
      row.swing = Math.round(Math.abs(row.high.margin - row.low.margin) * 1e12) / 1e12;
      return row;
    });
    oat.sort(function (a, b) { return (b.swing - a.swing) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
    return {
      base: base, baseMargin: marginOver(baseTotals, base),
      firstShare: firsts.map(function (count) { return count / n; }), firstCount: firsts,
      rankInterval: rankCounts.map(function (counts) { return rankInterval(counts, n); }),
      totalInterval: totals.map(interval), oneAtATime: oat
    };
  }

  function percent(count) { var n = model.draws; return Math.floor((200 * count + n) / (2 * n)) + "%"; }
  function digits(spread) { return spread >= 0.05 ? 1 : spread >= 0.005 ? 2 : 3; }
  function scoreSpan(iv) { var d = digits(iv[1] - iv[0]); return iv[0].toFixed(d) + " to " + iv[1].toFixed(d); }
  function quote(i) { return "“" + OPTIONS[i].label + "”"; }
  function join(names) { return names.length === 1 ? names[0] : names.slice(0, -1).join(", ") + " and " + names[names.length - 1]; }
  function byShare(r) {
    return OPTIONS.map(function (_o, i) { return i; }).sort(function (a, b) { return (r.firstCount[b] - r.firstCount[a]) || (a - b); });
  }

  /* The same sentence as explainer.tradeoff.robustness_sentence. */
  function summary(r) {
    var ranked = byShare(r), leader = ranked[0], n = model.draws.toLocaleString("en-US"), text;
    if (r.firstShare[leader] < model.clear_majority) {
      var named = ranked.filter(function (i) { return r.firstShare[i] >= model.tie_share; });
      if (named.length < 2) named = ranked.slice(0, 2);
      text = "Near tie between " + join(named.map(quote)) + ": across " + n + " draws of the assumptions within their ranges, " +
        "none ranks first in a clear majority (first place: " + named.map(function (i) { return quote(i) + " " + percent(r.firstCount[i]); }).join(", ") + ").";
    } else {
      text = quote(leader) + " ranks first in " + percent(r.firstCount[leader]) + " of " + n + " draws of the assumptions within their ranges (score " +
        scoreSpan(r.totalInterval[leader]) + " in 90% of draws).";
    }
    var changers = r.oneAtATime.filter(function (row) { return row.changes; }).length, total = r.oneAtATime.length;
    text += changers ? " " + changers + " of the " + total + " contestable assumptions can change first place on their own." :
      " None of the " + total + " contestable assumptions changes first place on its own.";
    return text;
  }

  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function wrap(text, width) {
    var words = String(text).split(" "), lines = [], line = "";
    words.forEach(function (word) {
      if (line && (line + " " + word).length > width) { lines.push(line); line = word; } else { line = line ? line + " " + word : word; }
    });
    if (line) lines.push(line);
    return lines.map(escapeHtml).join("<br>");
  }

  var controls = {};
  root.querySelectorAll("input[type=range]").forEach(function (input) { controls[input.name] = input; });

  function readControls() {
    var weights = {}, parameters = {};
    CRITERIA.forEach(function (c) { weights[c] = Number(controls["weight-" + c].value); });
    model.assumptions.forEach(function (name) { parameters[name] = Number(controls[name].value); });
    return { weights: weights, parameters: parameters };
  }

  var CONFIG = { displayModeBar: false, responsive: false };
  var FONT = { family: "Arial, Helvetica, sans-serif", size: 12, color: "#222222" };

  function draw(id, traces, layout) {
    var target = document.getElementById(rootId + "-" + id);
    if (!window.Plotly || !target) return;
    window.Plotly.react(target, traces, Object.assign({ font: FONT, paper_bgcolor: "white", plot_bgcolor: "white" }, layout), CONFIG);
  }

  function update() {
    var read = readControls();
    CRITERIA.forEach(function (c) { root.querySelector("#" + rootId + "-out-weight-" + c).textContent = read.weights[c].toFixed(1); });
    model.assumptions.forEach(function (name) { root.querySelector("#" + rootId + "-out-" + name).textContent = String(read.parameters[name]); });
    var status = root.querySelector("#" + rootId + "-summary");
    var anyWeight = CRITERIA.some(function (c) { return read.weights[c] > 0; });
    if (!anyWeight) { status.textContent = "Give at least one criterion a weight above zero to rank the options."; return; }
    var v = checkParameters(read.parameters), w = checkWeights(read.weights);
    var evaluated = OPTIONS.map(function (o) { return criteria(o, v); });
    var totals = evaluated.map(function (e) { return weightedTotal(e.scores, w); });
    var ranked = exactOrder(evaluated.map(function (e) { return e.scores; }), w), r = robustness(read.weights, read.parameters);
    status.textContent = summary(r);
    drawRanking(ranked, totals, r);
    pending = { ranked: ranked, evaluated: evaluated, r: r };
    if (!frameRequested) {
      frameRequested = true;
      (window.requestAnimationFrame || setTimeout)(drawCharts);
    }
    var body = root.querySelector("#" + rootId + "-robustness tbody");
    while (body.firstChild) body.removeChild(body.firstChild);
    byShare(r).forEach(function (i) {
      var tr = document.createElement("tr"), th = document.createElement("th");
      th.scope = "row"; th.textContent = OPTIONS[i].label; th.style.cssText = "text-align:left;font-weight:normal;padding:2px 6px"; tr.appendChild(th);
      var iv = r.rankInterval[i];
      [percent(r.firstCount[i]), iv[0] === iv[1] ? String(iv[0]) : iv[0] + " to " + iv[1], scoreSpan(r.totalInterval[i])].forEach(function (cell) {
        var td = document.createElement("td"); td.textContent = cell; td.style.padding = "2px 6px"; td.style.textAlign = "left"; tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  /* The ranking as native HTML bars (a table): quick to redraw on every slider step, and read
     by screen readers as rows of option and score. */
  function drawRanking(ranked, totals, r) {
    var body = root.querySelector("#" + rootId + "-ranking tbody");
    while (body.firstChild) body.removeChild(body.firstChild);
    ranked.forEach(function (i) {
      var tr = document.createElement("tr"), th = document.createElement("th"), td = document.createElement("td");
      td.style.textAlign = "left";
      th.scope = "row"; th.textContent = OPTIONS[i].label; th.style.cssText = "text-align:left;font-weight:normal;padding:2px 6px;width:22em";
      var bar = document.createElement("span"), value = document.createElement("span");
      bar.style.cssText = "display:inline-block;height:14px;vertical-align:middle;background:" + model.colours.ranking + ";width:" + (Math.max(0, totals[i]) * 24).toFixed(2) + "em";
      value.textContent = " " + totals[i].toFixed(digits(r.totalInterval[i][1] - r.totalInterval[i][0]));
      td.appendChild(bar); td.appendChild(value); tr.appendChild(th); tr.appendChild(td); body.appendChild(tr);
    });
  }

  var pending = null, frameRequested = false;

  /* The plotly charts, drawn once per animation frame with the newest state: a slider dragged
     faster than plotly draws skips the intermediate states instead of queueing them. */
  function drawCharts() {
    frameRequested = false;
    if (!pending) return;
    var ranked = pending.ranked, evaluated = pending.evaluated, r = pending.r;
    pending = null;
    var labels = ranked.map(function (i) { return wrap(OPTIONS[i].label, 38); });
    var moneyTraces = model.money_components.map(function (component, k) {
      return {
        type: "bar", orientation: "h", name: component.name, marker: { color: component.colour }, y: labels,
        x: ranked.map(function (i) { return evaluated[i].money[k]; }), hoverinfo: "skip"
      };
    });
    moneyTraces.push({
      type: "scatter", mode: "markers+text", name: "Net (expected)", y: labels, x: ranked.map(function (i) { return evaluated[i].money[4]; }),
      text: ranked.map(function (i) { var x = evaluated[i].money[4]; return (x >= 0 ? "+" : "") + x.toFixed(1); }),
      textposition: "middle right", marker: { symbol: "diamond", size: 11, color: "#000000" }, hoverinfo: "skip"
    });
    draw("money", moneyTraces, {
      title: { text: "Expected gains and costs at this setting, USD billion", x: 0, font: { size: 15 } }, height: 460, barmode: "relative",
      margin: { l: 250, r: 30, t: 50, b: 130 }, xaxis: { title: { text: "USD billion (expected)" }, zeroline: true, gridcolor: "#EEEEEE" },
      yaxis: { autorange: "reversed", automargin: false }, legend: { orientation: "h", y: -0.32, x: 0 }
    });
    var rows = r.oneAtATime.slice(0, model.tornado_rows);
    var tornadoLabels = rows.map(function (row) { return wrap((row.changes ? "⇄ " : "") + row.label, 46); });
    draw("tornado", [
      { type: "bar", orientation: "h", name: "Assumption at its low end", y: tornadoLabels, x: rows.map(function (row) { return row.low.margin - r.baseMargin; }), marker: { color: model.colours.low }, hoverinfo: "skip" },
      { type: "bar", orientation: "h", name: "Assumption at its high end", y: tornadoLabels, x: rows.map(function (row) { return row.high.margin - r.baseMargin; }), marker: { color: model.colours.high }, hoverinfo: "skip" }
    ], {
      title: { text: "One at a time: change in the lead of “" + escapeHtml(OPTIONS[r.base].label) + "” (⇄ changes first place)", x: 0, font: { size: 15 } },
      height: 480, barmode: "overlay", margin: { l: 300, r: 30, t: 50, b: 80 },
      xaxis: { title: { text: "Change in the leader's lead (score points)" }, zeroline: true, gridcolor: "#EEEEEE" },
      yaxis: { autorange: "reversed", automargin: false }, legend: { orientation: "h", y: -0.18, x: 0 },
      shapes: [{ type: "line", x0: -r.baseMargin, x1: -r.baseMargin, yref: "paper", y0: 0, y1: 1, line: { dash: "dash", color: "#555555" } }]
    });
  }

  function setWeights(weights) {
    CRITERIA.forEach(function (c) { controls["weight-" + c].value = String(weights[c] || 0); });
  }

  root.querySelectorAll("input[type=range]").forEach(function (input) { input.addEventListener("input", update); });
  root.querySelectorAll("button[data-preset]").forEach(function (button) {
    button.addEventListener("click", function () { setWeights(model.presets[button.getAttribute("data-preset")]); update(); });
  });
  root.querySelector("button[data-reset]").addEventListener("click", function () {
    setWeights({});
    CRITERIA.forEach(function (c) { controls["weight-" + c].value = "1"; });
    model.assumptions.forEach(function (name) { controls[name].value = String(PARAMS[name].value); });
    update();
  });

  window.tradeoffExplorer = { evaluate: evaluate, robustness: robustness, summary: summary, update: update, drawCharts: drawCharts, model: model };
  update();
})
