// Attention Atlas: the one small script. The pages read fully without it; it adds the method/layer switcher
// on example pages (repainting the highlights without a reload; with a model selector when several models
// traced the sentence) and sorting/filtering of the example index.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  // Packed scores: one base-64 digit per token (JSONBlock.packScores): unsigned x = code / 63 * scale, signed
  // x = (code - 32) / 31 * scale; layer l of a method with n tokens is characters [nl, n(l + 1)) of its "p",
  // scaled by k[l].
  function decode(method, layer, n) {
    var scale = method.k[layer], text = method.p.substr(n * layer, n), out = [];
    for (var i = 0; i < text.length; i++) {
      var code = ALPHABET.indexOf(text[i]);
      out.push(method.s === 1 ? (code - 32) / 31 * scale : code / 63 * scale);
    }
    return out;
  }

  function layerName(layer, count) {
    return count <= 1 ? "all" : (layer === 0 ? "input" : "layer " + layer);
  }

  // Decoded values are within 1/126 (signed: 1/62) of the row's maximum: two significant digits, marked "≈".
  function approximate(x) {
    if (x === 0) return "0";
    var a = Math.abs(x), s = (a < 0.001 || a >= 1e5) ? a.toExponential(1) : a.toPrecision(2);
    if (s.indexOf("e") < 0 && s.indexOf(".") >= 0) s = s.replace(/0+$/, "").replace(/\.$/, "");
    return "\u2248" + (x < 0 ? "\u2212" : "") + s;
  }

  function heatClass(x, peak, signed) {
    var level = peak > 0 ? Math.round(Math.abs(x) / peak * 9) : 0;
    if (!signed) return "s" + level;
    return level === 0 ? "p0" : (x < 0 ? "n" : "p") + level;
  }

  var SVG = "http://www.w3.org/2000/svg";

  function svgElement(name, attributes) {
    var element = document.createElementNS(SVG, name);
    for (var key in attributes) element.setAttribute(key, String(attributes[key]));
    return element;
  }

  // Redraws the layers × tokens heat map (one row per layer, top layer first) for `method`.
  function paintHeatMap(method, n) {
    var svg = document.getElementById("heatmap");
    if (!svg) return;
    var cells = svg.querySelector(".hm-cells"), labels = svg.querySelector(".hm-tokens");
    var left = +svg.getAttribute("data-left"), column = +svg.getAttribute("data-column"), row = +svg.getAttribute("data-row");
    var top = +svg.getAttribute("data-top"), rows0 = +svg.getAttribute("data-rows"), base = +svg.getAttribute("data-base");
    var rows = method.k.length, paths = {}, background = "";
    while (cells.firstChild) cells.removeChild(cells.firstChild);
    for (var position = 0; position < rows; position++) {
      var layer = rows - 1 - position, y = top + position * row;
      var label = svgElement("text", { "class": "hm-label", x: left - 6, y: y + 12 });
      label.textContent = layerName(layer, rows);
      cells.appendChild(label);
      background += "M" + left + " " + (y + row / 2) + "h" + (n * column - 1);
      var scores = decode(method, layer, n), peak = Math.abs(method.k[layer]);
      for (var i = 0; i < n; i++) {
        var heat = heatClass(scores[i], peak, method.s === 1);
        if (heat === "s0" || heat === "p0") continue;
        paths[heat] = (paths[heat] || "") + "M" + (left + i * column) + " " + (y + row / 2) + "h" + (column - 1);
      }
    }
    cells.appendChild(svgElement("path", { "class": "hm-bg", "stroke-width": row - 1, d: background }));
    Object.keys(paths).sort().forEach(function (heat) {
      cells.appendChild(svgElement("path", { "class": heat, "stroke-width": row - 1, d: paths[heat] }));
    });
    labels.setAttribute("transform", "translate(0 " + (rows - rows0) * row + ") rotate(-60)");
    var box = svg.getAttribute("viewBox").split(" ");
    svg.setAttribute("viewBox", box[0] + " " + box[1] + " " + box[2] + " " + (base + rows * row));
    var title = method.n + ": score by layer and token";
    svg.querySelector("title").textContent = title;
    var caption = document.getElementById("heatmap-title");
    if (caption) caption.textContent = title;
  }

  function setupExample() {
    var holder = document.getElementById("tokens");
    // Scores live in <script type="application/json" id="trace-N"> blocks (N = the model's index; 0 = this page's).
    var block = document.getElementById("trace-0");
    if (!holder || !block) return;
    var data = JSON.parse(block.textContent);
    var modelSelect = document.getElementById("model-select");
    var models = [data], model = 0;
    if (modelSelect) {
      Array.prototype.forEach.call(modelSelect.options, function (option, index) {
        var own = document.getElementById("trace-" + index);
        if (index > 0 && own) models[index] = JSON.parse(own.textContent);
      });
      // Other models' blocks leave out the method names: they are the page's own block's.
      var names = {};
      data.m.forEach(function (m) { names[m.id] = m.n; });
      models.forEach(function (other) {
        if (other) other.m.forEach(function (m) { if (!m.n) m.n = names[m.id] || m.id; });
      });
    }
    var methodSelect = document.getElementById("method-select");
    var layerSelect = document.getElementById("layer-select");
    var caption = document.getElementById("trace-caption");
    var spans = holder.querySelectorAll(".t");
    var byId = {};

    // Switches to model `index` (the page's own model is 0): its scores, its methods and its prediction.
    function useModel(index) {
      model = models[index] ? index : 0;
      data = models[model];
      byId = {};
      data.m.forEach(function (m) { byId[m.id] = m; });
      if (!modelSelect) return;
      modelSelect.value = String(model);
      var option = modelSelect.options[model], predicted = document.getElementById("predicted");
      if (predicted && option) {
        predicted.textContent = option.getAttribute("data-predicted");
        predicted.className = option.getAttribute("data-ok") === "1" ? "ok" : "wrong";
      }
      var error = document.getElementById("ig-error");
      if (error && option && option.getAttribute("data-ig")) error.textContent = option.getAttribute("data-ig");
    }
    useModel(0);

    function fillLayers(method, layer) {
      while (layerSelect.firstChild) layerSelect.removeChild(layerSelect.firstChild);
      for (var l = 0; l < method.k.length; l++) {
        var option = document.createElement("option");
        option.value = String(l);
        option.textContent = layerName(l, method.k.length);
        if (l === layer) option.selected = true;
        layerSelect.appendChild(option);
      }
    }

    function paint(id, layer, updateHash) {
      var method = byId[id] || byId[data.d] || data.m[0];
      if (!method) return;
      if (!(layer >= 0 && layer < method.k.length)) layer = 0;
      while (methodSelect.firstChild) methodSelect.removeChild(methodSelect.firstChild);
      data.m.forEach(function (m) {
        var option = document.createElement("option");
        option.value = m.id;
        option.textContent = m.n;
        methodSelect.appendChild(option);
      });
      methodSelect.value = method.id;
      fillLayers(method, layer);
      var scores = decode(method, layer, spans.length);
      var peak = Math.abs(method.k[layer]);
      for (var i = 0; i < spans.length; i++) {
        var x = i < scores.length ? scores[i] : 0;
        var isRationale = spans[i].classList.contains("rationale");
        spans[i].className = "t " + heatClass(x, peak, method.s === 1) + (isRationale ? " rationale" : "");
        spans[i].title = approximate(x);
      }
      caption.textContent = method.n + ", " + layerName(layer, method.k.length);
      paintHeatMap(method, spans.length);
      holder.setAttribute("data-method", method.id);
      holder.setAttribute("data-layer", String(layer));
      if (updateHash && window.history && history.replaceState) {
        try { history.replaceState(null, "", "#m=" + encodeURIComponent(method.id) + "&l=" + layer + (model ? "&x=" + model : "")); } catch (e) { /* some browsers refuse on file: URLs */ }
      }
    }

    function fromHash() {
      var params = {};
      location.hash.replace(/^#/, "").split("&").forEach(function (part) {
        var kv = part.split("=");
        if (kv.length === 2) params[kv[0]] = decodeURIComponent(kv[1]);
      });
      useModel(params.x ? parseInt(params.x, 10) : 0);
      paint(params.m || data.d, params.l ? parseInt(params.l, 10) : 0, false);
    }

    methodSelect.addEventListener("change", function () { paint(methodSelect.value, 0, true); });
    if (modelSelect) {
      modelSelect.addEventListener("change", function () {
        var method = methodSelect.value, layer = parseInt(layerSelect.value, 10);
        useModel(parseInt(modelSelect.value, 10));
        paint(method, layer, true);
      });
    }
    layerSelect.addEventListener("change", function () { paint(methodSelect.value, parseInt(layerSelect.value, 10), true); });
    window.addEventListener("hashchange", fromHash);
    fromHash();
  }

  function setupIndex() {
    var table = document.getElementById("example-index");
    if (!table) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var filter = document.getElementById("example-filter");
    var correct = document.getElementById("example-correct");
    var count = document.getElementById("example-count");

    function apply() {
      var needle = filter.value.trim().toLowerCase(), want = correct.value, shown = 0;
      rows.forEach(function (row) {
        var ok = (!want || row.getAttribute("data-ok") === want) &&
          (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0);
        row.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = shown + " of " + rows.length + " shown";
    }

    Array.prototype.forEach.call(table.querySelectorAll("th button[data-sort]"), function (button) {
      button.addEventListener("click", function () {
        var column = parseInt(button.getAttribute("data-sort"), 10);
        var numeric = button.hasAttribute("data-numeric");
        var dir = button.getAttribute("data-dir") === "asc" ? "desc" : "asc";
        Array.prototype.forEach.call(table.querySelectorAll("th button"), function (b) { b.removeAttribute("data-dir"); });
        button.setAttribute("data-dir", dir);
        var sign = dir === "asc" ? 1 : -1;
        rows.sort(function (a, b) {
          var x = a.cells[column].textContent, y = b.cells[column].textContent;
          var c = numeric ? (parseFloat(x) - parseFloat(y)) : x.localeCompare(y, undefined, { numeric: true });
          return sign * c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    filter.addEventListener("input", apply);
    correct.addEventListener("change", apply);
    apply();
  }

  setupExample();
  setupIndex();
})();
