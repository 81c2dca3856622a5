/* argmap's interactive map: pan and zoom, the claim panel, search, speakers, collapsed
 * branches and the what-if. Written for this page, no framework, no build step.
 *
 * Safety: every piece of debate text is put into the page with textContent (the `text`
 * helper below); nothing here builds markup from strings. Links are made only for
 * http, https and mailto URLs, which the Python side has already filtered too.
 */
(function () {
  "use strict";

  var SVGNS = "http://www.w3.org/2000/svg";
  var XLINK = "http://www.w3.org/1999/xlink";
  var ROOM = "(the room)";
  var LABEL_WORD = { "in": "✔ IN", out: "✘ OUT", undec: "? UNDECIDED" };
  var LABEL_MEANING = { "in": "stands", out: "defeated", undec: "undecided" };
  var WEIGHED_MEANING = { "in": "stands", out: "falls", undec: "undecided" };
  var KIND_VERB = {
    supports: ["supports", "supported by"],
    attacks: ["attacks", "attacked by"],
    undercuts: ["undercuts", "undercut by"],
    contradicts: ["contradicts", "contradicted by"],
  };

  // -- the map's layers ---------------------------------------------------------------
  /* One SVG per layer: the whole map, or on a large debate the top two levels and then one
   * small map per deeper branch (argmap/render/html_layers.py). The functions below work on
   * the current layer through these variables, which use() rebinds. */

  var map = document.getElementById("am-map");
  var layer, svg, nodes, edgeById, boxes, home, view;

  // Claim ids are user text and could clash with the page's own ids: move every SVG id
  // aside first, before any lookup by id.
  Array.prototype.forEach.call(map.querySelectorAll("svg [id], svg[id]"), function (element) {
    element.setAttribute("data-svg-id", element.getAttribute("id"));
    element.removeAttribute("id");
  });
  /* Every map keyed by debate ids has no prototype: an id such as "constructor" or
   * "__proto__" is then just a key, never an inherited property. */
  function dict(from) {
    var made = Object.create(null);
    if (from) Object.keys(from).forEach(function (key) { made[key] = from[key]; });
    return made;
  }

  var data = JSON.parse(document.querySelector("script#am-data").textContent);
  var claims = dict(data.claims);
  data.sources = dict(data.sources);
  data.layerOf = dict(data.layerOf);
  data.layers = dict(data.layers);
  Object.keys(data.layers).forEach(function (name) {
    data.layers[name].badges = dict(data.layers[name].badges);
  });
  data.framework.inferences = dict(data.framework.inferences);
  var speakerById = dict();
  data.speakers.forEach(function (s) {
    speakerById[s.id] = s;
  });
  var ui = {};
  [
    "search", "search-count", "results", "speaker", "labels", "zoom-in", "zoom-out", "fit",
    "trail", "reset", "status", "panel", "bipolar", "bipolar-box",
  ].forEach(function (name) {
    ui[name] = document.getElementById("am-" + name);
  });

  var layers0 = map.querySelector(".am-layer").getAttribute("data-layer");
  var layers = Array.prototype.map.call(map.querySelectorAll(".am-layer"), function (box) {
    var own = { box: box, name: box.getAttribute("data-layer"), svg: box.querySelector("svg"),
      nodes: dict(), edgeById: dict(), boxes: null };
    var root = own.svg;
    root.removeAttribute("width");
    root.removeAttribute("height");
    root.setAttribute("role", "group");
    root.setAttribute("aria-label", own.name === layers0 ? "Map of the debate: " + data.title
      : "Map of the branch below " + claims[own.name].title);
    // Graphviz wraps a node with a tooltip or URL in <a>: keep the tooltip, drop the link
    // (a click selects the claim; its sources are linked from the panel).
    Array.prototype.forEach.call(root.querySelectorAll("a"), function (a) {
      a.removeAttributeNS(XLINK, "href");
      a.removeAttribute("href");
      a.removeAttribute("target");
    });
    Array.prototype.forEach.call(root.querySelectorAll("g.node"), function (g) {
      var id = g.getAttribute("data-svg-id");
      if (id && (id in claims)) {
        own.nodes[id] = g;
        g.setAttribute("data-claim", id);
        g.setAttribute("tabindex", "0");
        g.setAttribute("role", "button");
        g.setAttribute("aria-label", describeForReader(id));
      }
    });
    Array.prototype.forEach.call(root.querySelectorAll("g.edge"), function (g) {
      var id = (g.getAttribute("data-svg-id") || "").replace(/-first-half$/, "");
      (own.edgeById[id] = own.edgeById[id] || []).push(g);
    });
    var base = root.viewBox.baseVal;
    own.home = { x: base.x, y: base.y, w: base.width, h: base.height };
    own.view = { x: base.x, y: base.y, w: base.width, h: base.height };
    return own;
  });
  var layerByName = dict();
  layers.forEach(function (l) { layerByName[l.name] = l; });

  /* Each claim's box in map coordinates, measured once, when its layer is first shown (a
   * hidden SVG has no geometry): the layout never changes, and measuring between writes
   * would make the browser lay out a large map again each time. */
  function measure(own) {
    own.boxes = dict();
    var graph = own.svg.querySelector("g.graph");
    var moved = graph && graph.transform.baseVal.consolidate();
    var toRoot = moved ? moved.matrix : own.svg.createSVGMatrix(); // Graphviz's translate
    Object.keys(own.nodes).forEach(function (id) {
      var shape = own.nodes[id].querySelector("polygon, path, ellipse");
      var local = (shape || own.nodes[id]).getBBox();
      var corner = own.svg.createSVGPoint();
      corner.x = local.x;
      corner.y = local.y;
      var at = corner.matrixTransform(toRoot);
      own.boxes[id] = {
        local: local, x: at.x, y: at.y, w: local.width * toRoot.a, h: local.height * toRoot.d,
      };
    });
  }

  function use(own) {
    if (layer === own) return;
    if (layer) layer.view = view;
    layer = own;
    layers.forEach(function (l) { l.box.hidden = l !== own; });
    svg = own.svg;
    nodes = own.nodes;
    edgeById = own.edgeById;
    home = own.home;
    view = own.view;
    if (!own.boxes) measure(own);
    boxes = own.boxes;
    trail();
  }

  /* Where the reader is: the top of the debate, then each branch opened on the way. */
  function trail() {
    ui.trail.textContent = "";
    ui.trail.hidden = layers.length < 2;
    var path = [];
    for (var name = layer.name; name; name = data.layers[name].parent) path.unshift(name);
    path.forEach(function (name, i) {
      if (i) ui.trail.appendChild(text("span", " › ", "am-sep"));
      var label = i ? claims[name].title : "Top of the debate";
      if (name === layer.name) {
        var here = text("span", label, "am-here");
        here.setAttribute("aria-current", "location");
        ui.trail.appendChild(here);
      } else {
        var button = text("button", label, "am-link");
        button.type = "button";
        button.addEventListener("click", function () { openLayer(name, true); });
        ui.trail.appendChild(button);
      }
    });
  }

  function describeForReader(id) {
    var claim = claims[id];
    var who = (claim.speakers || []).map(speakerName).join(", ");
    var kind = claim.kind === "question" ? "Question" : claim.side + " " + claim.kind;
    return kind + ": " + claim.title + (who ? " — " + who : "");
  }

  // -- small DOM helpers (text only) --------------------------------------------------

  function text(tag, content, className) {
    var element = document.createElement(tag);
    if (content !== undefined && content !== null) element.textContent = String(content);
    if (className) element.className = className;
    return element;
  }

  // A title, text or note with inline Markdown: the page data's runs ([words, flags, url])
  // become text nodes inside <strong>, <em>, <code> and, for http/https/mailto only, <a>.
  function prose(tag, claim, field, className) {
    var runs = claim.styled && claim.styled[field];
    if (!runs) return text(tag, claim[field], className);
    var element = text(tag, null, className);
    runs.forEach(function (run) {
      var node = document.createTextNode(String(run[0]));
      var flags = String(run[1] || "");
      if (flags.indexOf("c") >= 0) node = inside("code", node);
      if (flags.indexOf("i") >= 0) node = inside("em", node);
      if (flags.indexOf("b") >= 0) node = inside("strong", node);
      var url = safeUrl(run[2]);
      if (url) {
        node = inside("a", node);
        node.href = url;
        node.rel = "noopener noreferrer";
        node.target = "_blank";
      }
      element.appendChild(node);
    });
    return element;
  }

  function inside(tag, child) {
    var element = document.createElement(tag);
    element.appendChild(child);
    return element;
  }

  function append(parent) {
    for (var i = 1; i < arguments.length; i++) {
      if (arguments[i]) parent.appendChild(arguments[i]);
    }
    return parent;
  }

  function safeUrl(url) {
    if (typeof url !== "string") return null;
    var match = /^\s*([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
    return match && /^(https?|mailto)$/i.test(match[1]) ? url.trim() : null;
  }

  function speakerName(id) {
    var speaker = speakerById[id];
    return speaker ? speaker.name : id;
  }


  // -- pan and zoom: the SVG's viewBox is the camera ----------------------------------

  var MIN_W = 60;

  function show() {
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
  }

  /* A layer as it first appears: fitted; but a tall, narrow window (a phone) would show a
   * wide map as a thin strip, so there it opens at full height, centred on the layer's
   * top claim, and the reader pans sideways. */
  function frameLayer() {
    fit();
    var area = map.getBoundingClientRect();
    if (!area.width || area.height / area.width < 1.2 || home.w / home.h < 1.2) return;
    var factor = Math.min((area.height / area.width) * (home.w / home.h), 4);
    view.w = home.w / factor;
    view.h = home.h;
    var top = boxes[layer.name] || boxes[data.question];
    var centre = top ? top.x + top.w / 2 : home.x + home.w / 2;
    view.x = Math.max(home.x, Math.min(centre - view.w / 2, home.x + home.w - view.w));
    show();
  }

  function fit() {
    view.x = home.x;
    view.y = home.y;
    view.w = home.w;
    view.h = home.h;
    show();
  }

  function toMap(clientX, clientY) {
    var ctm = svg.getScreenCTM();
    if (!ctm) return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    var point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    return point.matrixTransform(ctm.inverse());
  }

  function scale() {
    var ctm = svg.getScreenCTM();
    return ctm ? ctm.a : 1;
  }

  function zoomAt(clientX, clientY, factor) {
    var limit = Math.max(home.w, home.h) * 4;
    var w = view.w / factor;
    if (w < MIN_W || Math.max(w, (view.h / factor)) > limit) return;
    var p = toMap(clientX, clientY);
    view.x = p.x - (p.x - view.x) / factor;
    view.y = p.y - (p.y - view.y) / factor;
    view.w = w;
    view.h /= factor;
    show();
  }

  function zoomCentre(factor) {
    var box = map.getBoundingClientRect();
    zoomAt(box.left + box.width / 2, box.top + box.height / 2, factor);
  }

  function pan(dxPixels, dyPixels) {
    var s = scale();
    view.x -= dxPixels / s;
    view.y -= dyPixels / s;
    show();
  }

  function centreOn(id, zoom) {
    var g = nodes[id];
    if (!g) return;
    var box = g.getBoundingClientRect();
    var centre = toMap(box.left + box.width / 2, box.top + box.height / 2);
    var area = map.getBoundingClientRect();
    // Zoom in far enough to read the claim, never out from where the reader is.
    var readable = (area.width / 260) * (box.width / scale());
    if (view.w > readable * 1.6 && (zoom || view.w > home.w / 4)) {
      var factor = view.w / Math.max(readable, MIN_W);
      view.w /= factor;
      view.h /= factor;
    }
    view.x = centre.x - view.w / 2;
    view.y = centre.y - view.h / 2;
    show();
  }

  var pointers = {};
  var dragged = false;
  var pinch = null;

  map.addEventListener("pointerdown", function (event) {
    ui.results.hidden = true; // the result list steps aside once the reader turns to the map
    if (event.button !== 0 && event.pointerType === "mouse") return;
    pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
    dragged = false;
    var ids = Object.keys(pointers);
    if (ids.length === 2) {
      var a = pointers[ids[0]], b = pointers[ids[1]];
      pinch = Math.hypot(a.x - b.x, a.y - b.y);
    }
  });
  map.addEventListener("pointermove", function (event) {
    var last = pointers[event.pointerId];
    if (!last) return;
    var ids = Object.keys(pointers);
    if (ids.length === 1) {
      var dx = event.clientX - last.x, dy = event.clientY - last.y;
      if (!dragged && Math.hypot(dx, dy) < 4) return;
      if (!dragged) map.setPointerCapture(event.pointerId);
      dragged = true;
      pan(dx, dy);
    } else if (ids.length === 2 && pinch) {
      dragged = true;
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      var a = pointers[ids[0]], b = pointers[ids[1]];
      var distance = Math.hypot(a.x - b.x, a.y - b.y);
      zoomAt((a.x + b.x) / 2, (a.y + b.y) / 2, distance / pinch);
      pinch = distance;
      return;
    }
    pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
  });
  function release(event) {
    delete pointers[event.pointerId];
    if (Object.keys(pointers).length < 2) pinch = null;
  }
  map.addEventListener("pointerup", release);
  map.addEventListener("pointercancel", release);
  map.addEventListener(
    "wheel",
    function (event) {
      event.preventDefault();
      var lines = event.deltaMode !== 0;
      var mouseWheel = lines || (event.deltaX === 0 && Math.abs(event.deltaY) >= 50);
      if (event.ctrlKey || mouseWheel) {
        var step = lines ? event.deltaY * 40 : event.deltaY;
        zoomAt(event.clientX, event.clientY, Math.exp(-step * (event.ctrlKey ? 0.01 : 0.002)));
      } else {
        pan(-event.deltaX, -event.deltaY);
      }
    },
    { passive: false }
  );

  map.addEventListener("keydown", function (event) {
    var step = 60;
    var keys = {
      ArrowLeft: function () { pan(step, 0); },
      ArrowRight: function () { pan(-step, 0); },
      ArrowUp: function () { pan(0, step); },
      ArrowDown: function () { pan(0, -step); },
      "+": function () { zoomCentre(1.25); },
      "=": function () { zoomCentre(1.25); },
      "-": function () { zoomCentre(0.8); },
      "0": fit,
    };
    var claim = event.target.getAttribute && event.target.getAttribute("data-claim");
    if ((event.key === "Enter" || event.key === " ") && claim) {
      event.preventDefault();
      select(claim, { push: true, pan: true }); // bring it close enough to read
    } else if (keys[event.key] && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      keys[event.key]();
    }
  });

  map.addEventListener("click", function (event) {
    if (dragged) {
      dragged = false;
      return;
    }
    var target = event.target.closest ? event.target.closest("[data-claim],[data-expand]") : null;
    if (!target) return;
    if (target.hasAttribute("data-expand")) {
      openBranch(target.getAttribute("data-expand"));
      return;
    }
    var clicked = target.getAttribute("data-claim");
    select(clicked, { push: true, pan: false });
    ensureVisible(clicked); // the panel may have just taken part of the map's room
  });
  map.addEventListener("focusin", function (event) {
    var claim = event.target.getAttribute && event.target.getAttribute("data-claim");
    if (claim && !event.target.matches(":hover")) ensureVisible(claim);
  });

  function ensureVisible(id) {
    var g = nodes[id];
    if (!g) return;
    var box = g.getBoundingClientRect(), area = map.getBoundingClientRect();
    if (box.left < area.left || box.right > area.right || box.top < area.top ||
        box.bottom > area.bottom) {
      centreOn(id);
    }
  }

  ui["zoom-in"].addEventListener("click", function () { zoomCentre(1.25); });
  ui["zoom-out"].addEventListener("click", function () { zoomCentre(0.8); });
  ui.fit.addEventListener("click", fit);

  // -- a large debate's layers: "+N below" opens the branch's own map -----------------

  function openLayer(name, push) {
    use(layerByName[name]);
    refresh();
    frameLayer();
    if (push) {
      try {
        history.pushState({ layer: name }, "", "#layer=" + encodeURIComponent(name));
      } catch (error) {
        /* history refused (some mail viewers): the layer is shown all the same */
      }
    }
  }

  function openBranch(id) {
    openLayer(id, true);
    if (nodes[id]) nodes[id].focus({ preventScroll: true });
  }

  function addFoldBadge(g, id, count) {
    var box = boxes[id].local;
    var badge = document.createElementNS(SVGNS, "g");
    badge.setAttribute("class", "am-fold");
    badge.setAttribute("data-expand", id);
    badge.setAttribute("role", "button");
    badge.setAttribute("tabindex", "0");
    badge.setAttribute("aria-label", "Open the " + count + " claims below " + claims[id].title);
    var label = "+" + count + " below";
    var width = 9 + label.length * 6.2;
    var rect = document.createElementNS(SVGNS, "rect");
    rect.setAttribute("x", box.x + box.width / 2 - width / 2);
    rect.setAttribute("y", box.y + box.height + 2);
    rect.setAttribute("width", width);
    rect.setAttribute("height", 16);
    rect.setAttribute("rx", 8);
    var words = document.createElementNS(SVGNS, "text");
    words.setAttribute("x", box.x + box.width / 2);
    words.setAttribute("y", box.y + box.height + 14);
    words.setAttribute("text-anchor", "middle");
    words.textContent = label;
    badge.appendChild(rect);
    badge.appendChild(words);
    g.appendChild(badge);
    badge.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        event.stopPropagation();
        openBranch(id);
      }
    });
  }

  // -- what-if: the debate's framework, the room's verdicts, grounded labels -----------

  var framework = data.framework;
  var verdicts = { accept: dict(), reject: dict() };
  data.initial.accept.forEach(function (id) { verdicts.accept[id] = true; });
  data.initial.reject.forEach(function (id) { verdicts.reject[id] = true; });
  var result = null;

  /* The last steps of argmap.analysis.evaluation.map_debate: the room's verdicts act
   * first, then attacks pass on through premises and inference sources (and with
   * bipolar, along supports). The direct attacks come from map_debate itself. */
  function mapDebate(accept, reject, bipolar) {
    var attackers = new Map();
    function attack(attacker, target, origin) {
      if (accept[target]) return;
      var known = attackers.get(target);
      if (!known) attackers.set(target, (known = new Map()));
      if (!known.has(attacker)) known.set(attacker, origin);
    }
    function inherit() {
      framework.standsOn.forEach(function (entry) {
        var node = entry[0];
        var via = framework.inferences[node] ? "source" : "premise";
        entry[1].forEach(function (base) {
          Array.from((attackers.get(base) || new Map()).keys()).forEach(function (a) {
            attack(a, node, { via: via, node: base });
          });
        });
      });
    }
    framework.direct.forEach(function (pair) {
      attack(pair[0], pair[1], { via: "relation", node: null });
    });
    Object.keys(reject).sort().forEach(function (id) {
      attack(ROOM, id, { via: "relation", node: null });
    });
    inherit();
    if (bipolar) {
      derive(attackers, attack);
      inherit();
    }
    return attackers;
  }

  function reach(edgesFrom) {
    var known = dict();
    return function (start) {
      if (!known[start]) {
        var seen = new Map(), stack = (edgesFrom[start] || []).slice();
        while (stack.length) {
          var node = stack.pop();
          if (!seen.has(node)) {
            seen.set(node, true);
            stack.push.apply(stack, edgesFrom[node] || []);
          }
        }
        known[start] = Array.from(seen.keys());
      }
      return known[start];
    };
  }

  function derive(attackers, attack) {
    var supports = dict(), supportedBy = dict();
    framework.supports.forEach(function (pair) {
      (supports[pair[0]] = supports[pair[0]] || []).push(pair[1]);
      (supportedBy[pair[1]] = supportedBy[pair[1]] || []).push(pair[0]);
    });
    var supporters = reach(supportedBy), supported = reach(supports), found = [];
    Array.from(attackers.entries()).forEach(function (entry) {
      var target = entry[0];
      Array.from(entry[1].keys()).forEach(function (attacker) {
        supporters(attacker).forEach(function (node) {
          found.push([node, target, { via: "supported", node: attacker }]);
        });
        supported(target).forEach(function (node) {
          found.push([attacker, node, { via: "secondary", node: target }]);
        });
      });
    });
    found.forEach(function (f) { attack(f[0], f[1], f[2]); });
  }

  /* Grounded labelling (argmap.analysis.semantics): IN once every attacker is OUT, OUT
   * once some attacker is IN, UNDEC whatever is left. `attacks` are [attacker, target]
   * pairs; the room is an unattacked argument attacking each id in `reject`. */
  function grounded(attacks, extra, reject) {
    var args = framework.arguments.concat(extra, [ROOM]);
    var targets = dict(), live = dict(), label = dict();
    args.forEach(function (a) {
      targets[a] = [];
      live[a] = 0;
    });
    function edge(attacker, target) {
      targets[attacker].push(target);
      live[target]++;
    }
    attacks.forEach(function (pair) { edge(pair[0], pair[1]); });
    Object.keys(reject).forEach(function (id) { edge(ROOM, id); });
    var queue = args.filter(function (a) { return live[a] === 0; });
    queue.forEach(function (a) { label[a] = "in"; });
    while (queue.length) {
      targets[queue.pop()].forEach(function (target) {
        if (label[target]) return;
        label[target] = "out";
        targets[target].forEach(function (t) {
          if (--live[t] === 0 && !label[t]) {
            label[t] = "in";
            queue.push(t);
          }
        });
      });
    }
    var labels = dict();
    args.forEach(function (a) { labels[a] = label[a] || "undec"; });
    return labels;
  }

  // -- weighing: at-issue claims decided by a proof standard (analysis/weighing.py) ----

  var weighing = framework.weighing;
  weighing.bearings = dict(weighing.bearings);
  var DOUBT = " (doubt)";
  var restingOn = (function () {
    var above = dict();
    framework.standsOn.forEach(function (entry) {
      entry[1].forEach(function (base) { (above[base] = above[base] || []).push(entry[0]); });
    });
    return reach(above);
  })();

  /* Weighing._decide and decide() under preponderance with no audience: every reason's
   * strength is its weight, and ties never make a claim stand or fall. */
  function decide(node, labels) {
    var reasons = (weighing.bearings[node] || []).map(function (b) {
      return { node: b[0], pro: b[2], stands: (labels[b[1]] || "undec") === "in",
        weight: b[3] === null ? weighing.defaultWeight : b[3], weighted: b[3] !== null };
    });
    var pros = reasons.filter(function (r) { return r.pro && r.stands; });
    var cons = reasons.filter(function (r) { return !r.pro && r.stands; });
    function best(side) { return Math.max.apply(null, side.map(function (r) { return r.weight; })); }
    function meets(side, other) { return side.length > 0 && (!other.length || best(side) > best(other)); }
    var label = meets(pros, cons) ? "in" : meets(cons, pros) ? "out" : "undec";
    return { label: label, pros: pros, cons: cons, settled: true };
  }

  /* Verdict.summary: "2 pro and 1 con reasons stand; under preponderance with equal
   * weights: undecided". */
  function summary(verdict, subject) {
    var n = verdict.pros.length + verdict.cons.length;
    var weighted = verdict.pros.concat(verdict.cons).some(function (r) { return r.weighted; });
    var said = verdict.pros.length + " pro and " + verdict.cons.length + " con " +
      (n === 1 ? "reason stands" : "reasons stand") + "; under " + weighing.standard +
      (weighted ? " with weights" : " with equal weights") + ": ";
    if (!verdict.settled) {
      return said + "undecided, as no verdict agrees with what it does to its own reasons";
    }
    var verb = { "in": " stands", out: " falls" }[verdict.label];
    return said + (verb ? (subject || "it") + verb : "undecided");
  }

  /* Weighing.run: attacks on at-issue claims go; each claim that bears on others is
   * settled (Weighing._settle) in the framework with the verdicts so far encoded. */
  function weigh(attackers, accept, room) {
    var issue = dict(), order = weighing.issues.filter(function (n) {
      return !accept[n] && !room[n];
    });
    order.forEach(function (n) { issue[n] = true; });
    var base = [], bears = dict();
    attackers.forEach(function (from, target) {
      from.forEach(function (origin, attacker) {
        if (attacker === ROOM || issue[target]) return;
        if (origin.node !== null && issue[origin.node] &&
            (origin.via === "premise" || origin.via === "source")) return;
        base.push([attacker, target]);
        bears[attacker] = true;
      });
    });
    function solve(encoded) { // Weighing._encode, then grounded
      var reject = dict(room), doubts = [], attacks = base.slice();
      Object.keys(encoded).forEach(function (node) {
        var above = restingOn(node).filter(function (n) { return !accept[n]; });
        if (encoded[node] === "out") {
          reject[node] = true;
          above.forEach(function (n) { reject[n] = true; });
        } else if (encoded[node] === "undec") {
          var doubt = node + DOUBT;
          doubts.push(doubt);
          attacks.push([doubt, node], [node, doubt]);
          above.forEach(function (n) { attacks.push([doubt, n]); });
        }
      });
      return grounded(attacks, doubts, reject);
    }
    var solved = solve(dict()), encoded = dict(), decided = dict();
    order.forEach(function (node) {
      if (!bears[node] && !restingOn(node).length) {
        decided[node] = decide(node, solved);
        return;
      }
      var tried = dict(), candidates = ["undec"], kept = null;
      for (var i = 0; i < candidates.length && !kept; i++) {
        var trial = dict(encoded);
        trial[node] = candidates[i];
        var labels = solve(trial), verdict = decide(node, labels);
        tried[candidates[i]] = { verdict: verdict, labels: labels };
        if (verdict.label === candidates[i]) kept = tried[candidates[i]];
        [verdict.label, "in", "out", "undec"].forEach(function (l) {
          if (candidates.indexOf(l) < 0) candidates.push(l);
        });
      }
      if (!kept) {
        kept = tried.undec;
        kept.verdict.label = "undec";
        kept.verdict.settled = false;
      }
      decided[node] = kept.verdict;
      solved = kept.labels;
      encoded[node] = kept.verdict.label;
    });
    var labels = dict();
    framework.arguments.forEach(function (a) {
      labels[a] = decided[a] ? decided[a].label : solved[a];
    });
    return { labels: labels, verdicts: decided, base: base };
  }

  function evaluate(bipolar) {
    var attackers = mapDebate(verdicts.accept, verdicts.reject, bipolar);
    var room = dict();
    attackers.forEach(function (from, target) { if (from.has(ROOM)) room[target] = true; });
    var weighed = weigh(attackers, verdicts.accept, room);
    var labels = weighed.labels, reasons = dict();
    framework.arguments.forEach(function (id) {
      if (labels[id] !== "out") return;
      reasons[id] = weighed.verdicts[id]
        ? "the con reasons prevail: " + summary(weighed.verdicts[id])
        : reason(id, attackers, weighed.base, labels);
    });
    return { labels: labels, reasons: reasons, verdicts: weighed.verdicts };
  }

  var relationById = dict();
  data.relations.forEach(function (r) { relationById[r.id] = r; });

  /* Debate.label_of: a claim's title, or for a relation id "source kind target". */
  function labelOf(id) {
    if ((id in claims)) return claims[id].title;
    var r = relationById[id];
    return r ? r.source + " " + r.kind + " " + r.target : id;
  }

  function describe(id) {
    var inference = framework.inferences[id] || null;
    if (!inference) return labelOf(id);
    var verb = inference.kind !== "supports" ? "against" : "for";
    return "“" + labelOf(inference.source) + "” as a reason " + verb + " “" +
      labelOf(inference.target) + "”";
  }

  function named(id) {
    return framework.inferences[id]
      ? describe(id) + " [" + id + "]" : "“" + describe(id) + "” [" + id + "]";
  }

  var ROOM_VIA = {
    premise: "it rests on its premise",
    source: "it starts from",
    secondary: "it is supported by",
  };
  var DEFEAT_VIA = {
    premise: ", which attacks its premise ",
    source: ", which attacks ",
    supported: ", which supports its attacker ",
    secondary: ", which attacks its support ",
  };

  /* The sentence argmap evaluate gives (Evaluation._reason), for a grounded OUT id that
   * is not at issue: the room's part, then its IN attackers in the weighed framework. */
  function reason(id, attackers, base, labels) {
    var parts = [], from = attackers.get(id) || new Map();
    var room = from.get(ROOM);
    if (room) {
      parts.push(room.node === null ? "rejected by the room"
        : ROOM_VIA[room.via] + " " + named(room.node) + ", which the room rejects");
    }
    var kept = base.filter(function (pair) { return pair[1] === id; }).map(function (pair) {
      return pair[0];
    });
    var beaten = [];
    kept.forEach(function (attacker) {
      var origin = from.get(attacker);
      if (labels[attacker] !== "in") return;
      if (origin.node === null) beaten.push(named(attacker));
      else {
        beaten.push(named(attacker) + DEFEAT_VIA[origin.via] + named(origin.node) +
          (origin.via === "source" ? ", where this link starts" : ""));
      }
    });
    if (beaten.length) parts.push((parts.length ? "also " : "") + "defeated by " + beaten.join("; "));
    if (!parts.length) { // it rests on a claim that fell when weighed
      parts.push(kept.length
        ? "in no grounded extension: none defends it against " + kept.map(named).join(", ")
        : "it rests on a claim that falls when weighed");
    }
    return parts.join("; ");
  }

  function recompute() {
    result = evaluate(ui.bipolar.checked);
    window.argmapLabels = result.labels; // read by the browser tests and by curious readers
    window.argmapReasons = result.reasons;
    window.argmapVerdicts = dict();
    Object.keys(result.verdicts).forEach(function (id) {
      window.argmapVerdicts[id] = summary(result.verdicts[id]);
    });
    var any = Object.keys(verdicts.accept).length + Object.keys(verdicts.reject).length > 0;
    ui.reset.hidden = !any;
    if (any) ui.labels.checked = true;
    paintLabels();
  }

  function paintLabels() {
    var on = ui.labels.checked;
    ui["bipolar-box"].hidden = !on;
    document.documentElement.classList.toggle("am-show-labels", on);
    Object.keys(nodes).forEach(function (id) {
      var g = nodes[id], label = result.labels[id];
      ["in", "out", "undec"].forEach(function (l) {
        g.classList.toggle("am-label-" + l, on && label === l);
      });
      g.classList.toggle("am-accepted", !!verdicts.accept[id]);
      g.classList.toggle("am-rejected", !!verdicts.reject[id]);
      var mark = g.querySelector(".am-mark");
      if (mark) mark.remove();
      if (on && label) addMark(g, label, id);
      g.setAttribute("aria-label", describeForReader(id) +
        (on && label ? " — " + LABEL_WORD[label] + " (" + LABEL_MEANING[label] + ")" : ""));
    });
    Object.keys(framework.inferences).forEach(function (id) {
      var relation = framework.inferences[id].relation;
      (edgeById[relation] || []).forEach(function (g) {
        g.classList.toggle("am-void", on && result.labels[id] === "out");
      });
    });
    var counts = { "in": 0, out: 0, undec: 0 };
    Object.keys(claims).forEach(function (id) {
      if (result.labels[id]) counts[result.labels[id]]++;
    });
    var motion = result.labels[data.question];
    ui.status.textContent = on
      ? "Grounded" + (ui.bipolar.checked ? ", bipolar" : "") + ": the question is " + LABEL_WORD[motion] + " · " + counts["in"] + " in, " +
        counts.out + " out, " + counts.undec + " undecided" +
        verdictSummary()
      : "";
    if (selected) renderPanel(selected);
  }

  function verdictSummary() {
    var a = Object.keys(verdicts.accept).length, r = Object.keys(verdicts.reject).length;
    if (!a && !r) return "";
    return " · the room accepts " + a + ", rejects " + r;
  }

  function addMark(g, label, id) {
    var bounds = boxes[id].local;
    var mark = document.createElementNS(SVGNS, "g");
    mark.setAttribute("class", "am-mark am-mark-" + label);
    mark.setAttribute("aria-hidden", "true");
    var word = LABEL_WORD[label] + (verdicts.accept[id] ? " · accepted" : "") +
      (verdicts.reject[id] ? " · rejected" : "");
    var width = 10 + word.length * 6;
    var rect = document.createElementNS(SVGNS, "rect");
    rect.setAttribute("x", bounds.x + bounds.width - width + 4);
    rect.setAttribute("y", bounds.y - 9);
    rect.setAttribute("width", width);
    rect.setAttribute("height", 15);
    rect.setAttribute("rx", 3);
    var words = document.createElementNS(SVGNS, "text");
    words.setAttribute("x", bounds.x + bounds.width - width / 2 + 4);
    words.setAttribute("y", bounds.y + 2);
    words.setAttribute("text-anchor", "middle");
    words.textContent = word;
    mark.appendChild(rect);
    mark.appendChild(words);
    g.appendChild(mark);
  }

  ui.labels.checked = !!data.initial.showLabels;
  ui.labels.addEventListener("change", paintLabels);
  ui.bipolar.addEventListener("change", recompute);
  ui.reset.addEventListener("click", function () {
    verdicts = { accept: dict(), reject: dict() };
    recompute();
  });

  function setVerdict(id, verdict) {
    delete verdicts.accept[id];
    delete verdicts.reject[id];
    if (verdict) verdicts[verdict][id] = true;
    recompute();
  }

  // -- the panel ----------------------------------------------------------------------

  var selected = null;

  function select(id, how) {
    if (!(id in claims)) return;
    var homeLayer = data.layerOf[id];
    if (homeLayer && (!nodes[id] || (how.pan && homeLayer !== layer.name))) {
      use(layerByName[homeLayer]);
      refresh();
      frameLayer();
    }
    if (selected && nodes[selected]) nodes[selected].classList.remove("am-selected");
    selected = id;
    if (nodes[id]) nodes[id].classList.add("am-selected");
    renderPanel(id);
    if (how.pan) centreOn(id);
    if (how.push) {
      try {
        history.pushState({ claim: id, layer: layer.name }, "", "#claim=" + encodeURIComponent(id));
      } catch (error) {
        /* a page opened from some mail viewers may refuse history; selection still works */
      }
    }
  }

  function jump(id) {
    ui.results.hidden = true;
    select(id, { push: true, pan: true });
    if (nodes[id]) nodes[id].focus({ preventScroll: true });
  }

  function closePanel() {
    if (selected && nodes[selected]) nodes[selected].classList.remove("am-selected");
    selected = null;
    ui.panel.hidden = true;
    document.documentElement.classList.remove("am-panel-open");
  }

  window.addEventListener("popstate", function (event) {
    var state = event.state || {};
    var back = state.layer || layers0;
    if (back !== layer.name) openLayer(back, false);
    if (state.claim) select(state.claim, { push: false, pan: true });
    else closePanel();
  });

  function claimLink(id) {
    var claim = claims[id];
    if (!claim) return text("span", id);
    if (!data.layerOf[id]) return text("span", claim.title + " (not on this map)", "am-offmap");
    var button = text("button", claim.title, "am-link");
    button.type = "button";
    button.setAttribute("data-jump", id);
    button.addEventListener("click", function () { jump(id); });
    return button;
  }

  function section(title) {
    var part = text("section", null, "am-section");
    part.appendChild(text("h3", title));
    return part;
  }

  function renderPanel(id) {
    var claim = claims[id];
    var panel = ui.panel;
    panel.textContent = "";
    panel.hidden = false;
    document.documentElement.classList.add("am-panel-open");
    var close = text("button", "×", "am-close");
    close.type = "button";
    close.setAttribute("aria-label", "Close the panel");
    close.addEventListener("click", closePanel);
    panel.appendChild(close);

    var kind = claim.kind === "question" ? "QUESTION"
      : claim.side.toUpperCase() + " · " + claim.kind.toUpperCase() +
        (claim.basis ? " · " + claim.basis.replace(/-/g, " ") : "") +
        (claim.scheme ? " · " + claim.scheme : "");
    append(panel, text("p", kind, "am-kind am-side-" + claim.side));
    append(panel, prose("h2", claim, "title", "am-claim-title"));
    if (claim.text !== claim.title) append(panel, prose("p", claim, "text", "am-text"));
    panel.appendChild(verdictControls(id));

    (claim.speakers || []).forEach(function (sid) { panel.appendChild(speakerCard(sid)); });
    if ((claim.concededBy || []).length) {
      append(panel, text("p", "✓ Conceded by " + claim.concededBy.map(speakerName).join(", "),
        "am-conceded"));
    }
    if ((claim.quotes || []).length) {
      var quotes = section("In their words");
      claim.quotes.forEach(function (quote) { quotes.appendChild(quoteBlock(quote)); });
      panel.appendChild(quotes);
    }
    if ((claim.premises || []).length) {
      var premises = section("Premises (together)");
      var list = text("ul");
      claim.premises.forEach(function (p) { append(list, append(text("li"), claimLink(p))); });
      panel.appendChild(append(premises, list));
    }
    var relations = relationList(id);
    if (relations) panel.appendChild(relations);
    if ((claim.tags || []).length) {
      var tags = section("Tags");
      var row = text("p", null, "am-tags");
      claim.tags.forEach(function (tag) {
        var button = text("button", "#" + tag, "am-tag");
        button.type = "button";
        button.setAttribute("aria-label", "Search for the tag " + tag);
        button.addEventListener("click", function () {
          ui.search.value = tag;
          runSearch();
          ui.search.focus();
        });
        row.appendChild(button);
      });
      panel.appendChild(append(tags, row));
    }
    listSection(panel, "Discussion questions", claim.questions);
    listSection(panel, "Critical questions", claim.criticalQuestions);
    if (claim.notes) panel.appendChild(append(section("Notes"), prose("p", claim, "notes")));
  }

  function listSection(panel, title, items) {
    if (!items || !items.length) return;
    var list = text("ul");
    items.forEach(function (item) { list.appendChild(text("li", item)); });
    panel.appendChild(append(section(title), list));
  }

  function verdictControls(id) {
    var box = text("fieldset", null, "am-verdict");
    box.appendChild(text("legend", "What if the room…"));
    var current = verdicts.accept[id] ? "accept" : verdicts.reject[id] ? "reject" : "";
    [["", "no verdict"], ["accept", "accepts it"], ["reject", "rejects it"]].forEach(function (o) {
      var label = text("label");
      var input = document.createElement("input");
      input.type = "radio";
      input.name = "am-verdict";
      input.value = o[0];
      input.checked = current === o[0];
      input.addEventListener("change", function () { setVerdict(id, o[0]); });
      append(label, input, document.createTextNode(" " + o[1]));
      box.appendChild(label);
    });
    var label = result.labels[id];
    if (label) {
      var weighed = result.verdicts[id];
      var line = text("p", null, "am-label-line am-label-" + label);
      append(line, text("strong", LABEL_WORD[label]), document.createTextNode(" — " + (weighed
        ? WEIGHED_MEANING[label] + " (weighed: " + weighing.standard + ")"
        : LABEL_MEANING[label] + " (grounded)")));
      box.appendChild(line);
      if (weighed) {
        box.appendChild(text("p", "Weighed: " +
          summary(weighed, id === data.question ? "the motion" : "it"), "am-reason"));
      }
      if (result.reasons[id]) box.appendChild(text("p", "Why: " + result.reasons[id], "am-reason"));
    }
    return box;
  }

  function speakerCard(id) {
    var speaker = speakerById[id];
    var card = text("div", null, "am-speaker-card");
    if (!speaker) return append(card, text("strong", id));
    append(card, text("strong", speaker.name));
    var line = [speaker.role, speaker.affiliation].filter(Boolean).join(", ");
    if (line) append(card, text("span", line, "am-role"));
    if (speaker.description) append(card, text("span", speaker.description, "am-role"));
    if (ui.labels.checked) append(card, text("span", fares(speaker), "am-fares"));
    var button = text("button", "Highlight their claims", "am-link");
    button.type = "button";
    button.addEventListener("click", function () {
      ui.speaker.value = id;
      highlightSpeaker();
    });
    return append(card, button);
  }

  /* How a speaker fares under the current verdicts, as argmap evaluate's scorecard. */
  function fares(speaker) {
    function count(ids) {
      var n = { "in": 0, out: 0, undec: 0 };
      ids.forEach(function (id) { n[result.labels[id]]++; });
      return n["in"] + " in, " + n.out + " out, " + n.undec + " undecided";
    }
    return "Their claims: " + count(speaker.claims) +
      (speaker.concessions.length ? " · conceded: " + count(speaker.concessions) : "");
  }

  function quoteBlock(quote) {
    var figure = text("figure", null, "am-quote");
    append(figure, text("blockquote", "“" + quote.text + "”"));
    var caption = text("figcaption");
    caption.appendChild(document.createTextNode(quote.speaker ? "— " + speakerName(quote.speaker)
      : "— the source's own words"));
    var source = quote.source && data.sources[quote.source];
    if (source) {
      caption.appendChild(document.createTextNode(", "));
      var url = safeUrl(source.url);
      var cite = text("cite");
      if (url) {
        var link = text("a", source.title);
        link.href = url;
        link.rel = "noopener noreferrer";
        link.target = "_blank";
        cite.appendChild(link);
      } else {
        cite.textContent = source.title;
      }
      caption.appendChild(cite);
      var details = [source.publisher, source.date].filter(Boolean).join(", ");
      if (details) caption.appendChild(document.createTextNode(" (" + details + ")"));
      if (!url && source.shownUrl) {
        caption.appendChild(text("span", " " + source.shownUrl + " (not a web link)", "am-offmap"));
      }
    }
    return append(figure, caption);
  }

  function relationList(id) {
    var items = [];
    data.relations.forEach(function (r) {
      var other, words;
      if (r.source === id) {
        words = KIND_VERB[r.kind][0];
        other = r.target;
      } else if (r.target === id) {
        words = KIND_VERB[r.kind][1];
        other = r.source;
      } else if (r.kind === "undercuts" && relationTargets(r.target, id)) {
        words = "its link is undercut by";
        other = r.source;
      } else return;
      var item = text("li");
      item.appendChild(text("span", words + " ", "am-rel am-rel-" + r.kind));
      var link = data.relations.filter(function (x) { return x.id === other; })[0];
      if (link) {
        item.appendChild(document.createTextNode("the link "));
        append(item, claimLink(link.source), document.createTextNode(" → "), claimLink(link.target));
      } else item.appendChild(claimLink(other));
      if (r.note) item.appendChild(text("span", " — " + r.note, "am-note"));
      items.push(item);
    });
    if (!items.length) return null;
    var list = text("ul", null, "am-relations");
    items.forEach(function (i) { list.appendChild(i); });
    return append(section("Relations"), list);
  }

  function relationTargets(relationId, id) {
    return data.relations.some(function (x) { return x.id === relationId && x.source === id; });
  }

  // -- search and speakers ------------------------------------------------------------

  var haystacks = dict();
  Object.keys(claims).forEach(function (id) {
    var c = claims[id];
    var parts = [c.title, c.text, id].concat(c.tags || [], (c.speakers || []).map(speakerName),
      (c.concededBy || []).map(speakerName));
    (c.quotes || []).forEach(function (q) {
      parts.push(q.text);
      if (q.speaker) parts.push(speakerName(q.speaker));
    });
    haystacks[id] = parts.filter(Boolean).join("\n").toLowerCase();
  });

  var matches = null; // the claims a search or a speaker highlights, or null
  var conceded = [];

  function highlight(ids, concessions) {
    matches = ids;
    conceded = concessions || [];
    applyHighlight();
  }

  function applyHighlight() {
    Object.keys(nodes).forEach(function (id) {
      nodes[id].classList.remove("am-match", "am-concession");
    });
    map.classList.toggle("am-filtering", matches !== null);
    if (matches === null) return;
    matches.forEach(function (id) {
      if (nodes[id]) nodes[id].classList.add("am-match");
    });
    conceded.forEach(function (id) {
      if (nodes[id]) nodes[id].classList.add("am-concession");
    });
  }

  /* Draw the page's state on the layer just shown. */
  function refresh() {
    paintLabels();
    applyHighlight();
    Object.keys(nodes).forEach(function (id) {
      nodes[id].classList.toggle("am-selected", id === selected);
    });
    if (!layer.badged) {
      layer.badged = true;
      var badges = data.layers[layer.name].badges;
      Object.keys(badges).forEach(function (id) {
        if (nodes[id]) addFoldBadge(nodes[id], id, badges[id]);
      });
    }
  }

  function runSearch() {
    var words = ui.search.value.toLowerCase().split(/\s+/).filter(Boolean);
    ui.results.textContent = "";
    if (!words.length) {
      ui.results.hidden = true;
      ui["search-count"].textContent = "";
      highlightSpeaker();
      return;
    }
    ui.speaker.value = "";
    var found = Object.keys(claims).filter(function (id) {
      return data.layerOf[id] && words.every(function (w) { return haystacks[id].indexOf(w) >= 0; });
    });
    highlight(found);
    ui["search-count"].textContent = found.length === 1 ? "1 match" : found.length + " matches";
    found.slice(0, 12).forEach(function (id) {
      var item = append(text("li"), claimLink(id));
      ui.results.appendChild(item);
    });
    ui.results.hidden = found.length === 0;
  }

  ui.search.addEventListener("input", runSearch);
  ui.search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = ui.results.querySelector("[data-jump]");
      if (first) jump(first.getAttribute("data-jump"));
    } else if (event.key === "Escape") {
      ui.search.value = "";
      runSearch();
    }
  });

  data.speakers.forEach(function (s) {
    if (!s.claims.length && !s.concessions.length) return;
    var option = text("option", s.name + " (" + s.claims.length +
      (s.concessions.length ? " + " + s.concessions.length + " conceded" : "") + ")");
    option.value = s.id;
    ui.speaker.appendChild(option);
  });

  function highlightSpeaker() {
    var id = ui.speaker.value;
    if (!id) {
      if (!ui.search.value.trim()) highlight(null);
      return;
    }
    ui.search.value = "";
    ui.results.hidden = true;
    ui["search-count"].textContent = "";
    var speaker = speakerById[id];
    highlight(speaker.claims, speaker.concessions);
    ui["search-count"].textContent = speaker.claims.length + " claims, " +
      speaker.concessions.length + " concessions";
  }
  ui.speaker.addEventListener("change", highlightSpeaker);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.activeElement !== ui.search && selected) {
      closePanel();
    } else if (event.key === "/" && document.activeElement.tagName !== "INPUT") {
      event.preventDefault();
      ui.search.focus();
    }
  });

  // A printed map is the whole map (the current layer), whatever the reader zoomed to.
  var beforePrint = null;
  window.addEventListener("beforeprint", function () {
    beforePrint = { x: view.x, y: view.y, w: view.w, h: view.h };
    fit();
  });
  window.addEventListener("afterprint", function () {
    if (!beforePrint) return;
    view.x = beforePrint.x;
    view.y = beforePrint.y;
    view.w = beforePrint.w;
    view.h = beforePrint.h;
    show();
  });

  // -- start --------------------------------------------------------------------------

  use(layers[0]);
  recompute();
  refresh();
  frameLayer();
  var start = /^#(claim|layer)=(.*)$/.exec(location.hash);
  if (start) {
    var id = decodeURIComponent(start[2]);
    if (start[1] === "layer" && layerByName[id]) openLayer(id, false);
    else if (start[1] === "claim" && claims[id]) select(id, { push: false, pan: true });
  }
  window.argmapReadyAt = performance.now(); // time to interactive, for bench/bench_html.py
  document.documentElement.setAttribute("data-ready", "true");
})();
