// The coding workspace: select a passage, apply a code, see every coder's codings.
//
// Offsets sent to the server are code points over the NFC text (Python str indexes), never
// UTF-16 indexes: an emoji is 2 in a JavaScript string but 1 here. The server renders the text
// as <span data-start="N"> pieces, N being the code-point offset of the piece's first
// character, so a DOM position maps to Number(piece.dataset.start) + the number of code
// points (Array.from(...).length) before it within the piece.
"use strict";
window.thematic = window.thematic || {};
window.thematic.workspace = (function () {
  // ---- pure functions (no DOM): exported for tests ----------------------------------------
  const codePoints = (text) => Array.from(text).length;

  /** Code-point offset of a position: the piece's start plus the code points before it. */
  function offsetIn(pieceStart, textBefore) {
    return Number(pieceStart) + Array.from(textBefore).length;
  }

  /** The UTF-16 index in `text` of the position `count` code points from its start. */
  function utf16Index(text, count) {
    let index = 0;
    for (let n = 0; n < count && index < text.length; n++) {
      index += text.codePointAt(index) > 0xffff ? 2 : 1;
    }
    return index;
  }

  /** [start, end) without white space at either end (`chars`: the text as code points). */
  function trimSpan(chars, start, end) {
    while (start < end && /\s/u.test(chars[start])) start++;
    while (end > start && /\s/u.test(chars[end - 1])) end--;
    return start < end ? { start, end } : null;
  }

  /** Move the ends of [start, end) off text that is not shown (labels between turns). */
  function snapSpan(shown, start, end) {
    const first = shown.find(([, e]) => e > start);
    const last = shown.filter(([s]) => s < end).pop();
    if (!first || !last) return null;
    const span = { start: Math.max(start, first[0]), end: Math.min(end, last[1]) };
    return span.start < span.end ? span : null;
  }

  /** A selection as the span to code: on shown text, without white space at its ends. */
  function tidySpan(chars, shown, start, end) {
    const snapped = snapSpan(shown, start, end);
    const trimmed = snapped && trimSpan(chars, snapped.start, snapped.end);
    return trimmed && snapSpan(shown, trimmed.start, trimmed.end);
  }

  /** Codes whose path contains `query` (any case); names starting with it come first. */
  function matchCodes(codes, query, limit = 50) {
    const wanted = query.trim().toLowerCase();
    const hits = codes.filter((c) => c.path.toLowerCase().includes(wanted));
    const starts = (c) => c.name.toLowerCase().startsWith(wanted);
    return hits.filter(starts).concat(hits.filter((c) => !starts(c))).slice(0, limit);
  }

  /** Inline style of a piece under codings of these colours (as paint() in workspace.py). */
  function paint(colours) {
    const tints = colours.map((c) => `linear-gradient(${c}40,${c}40)`).join(",");
    const lines = colours.map((c, n) => `inset 0 -${2 * (n + 1)}px 0 0 ${c}`).join(",");
    return `background-image:${tints};box-shadow:${lines}`;
  }

  /** A lane for each interval (sorted by top) so that intervals in one lane never overlap. */
  function lanes(intervals) {
    const bottoms = [];
    return intervals.map(({ top, bottom }) => {
      let lane = bottoms.findIndex((b) => b <= top);
      if (lane < 0) lane = bottoms.push(0) - 1;
      bottoms[lane] = bottom;
      return lane;
    });
  }

  /** Index of the first number in sorted `values` that is >= `value` (binary search). */
  function firstAtOrAfter(values, value) {
    let low = 0;
    let high = values.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[mid] < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  function shorten(text, width = 60) {
    const chars = Array.from(text.replace(/\s+/g, " ").trim());
    return chars.length > width ? chars.slice(0, width - 1).join("") + "…" : chars.join("");
  }

  /** A passage quoted in a message, isolated so Urdu inside English reads in its own order. */
  const quote = (text, width = 40) => `“\u2068${shorten(text, width)}\u2069”`;

  const when = (iso) => (iso ? iso.slice(0, 16).replace("T", " ") : "just now");

  const pure = {
    codePoints, offsetIn, utf16Index, trimSpan, snapSpan, tidySpan, matchCodes, paint, lanes,
    firstAtOrAfter, shorten, quote,
  };
  const source = document.getElementById("workspace-data");
  if (!source) return pure;

  // ---- state -------------------------------------------------------------------------------
  const data = JSON.parse(source.textContent);
  const docText = document.getElementById("doc-text");
  const panel = document.getElementById("coding-panel");
  const input = document.getElementById("code-input");
  const options = document.getElementById("code-options");
  const info = document.getElementById("selection-info");
  const chars = Array.from(data.text);
  const codes = new Map(data.codes.map((c) => [c.id, c]));
  const passage = (c) => chars.slice(c.start, c.end).join("");
  const codings = new Map(data.codings.map((c) => [c.id, { ...c, text: passage(c) }]));
  const hidden = new Set();
  const marks = document.createElement("div");
  marks.className = "pending-marks";
  docText.appendChild(marks);
  const pieces = Array.from(docText.querySelectorAll("[data-start]")); // in text order
  const starts = pieces.map((p) => Number(p.dataset.start));
  const shown = Array.from(docText.querySelectorAll(".para"), (para) => {
    const own = para.querySelectorAll("[data-start]");
    return [Number(own[0].dataset.start), pieceEnd(own[own.length - 1])];
  });
  let pending = null;
  let focusedCode = null;

  function pieceEnd(piece) {
    return Number(piece.dataset.start) + codePoints(piece.textContent);
  }
  const idsOf = (piece) => (piece.dataset.codingIds || "").split(" ").filter(Boolean).map(Number);
  const canChange = (c) =>
    data.role !== "viewer" && (data.role === "owner" || c.coder === data.user);
  const visible = (c) => c && !hidden.has(c.coder);
  const byPosition = (a, b) => a.start - b.start || a.end - b.end || a.id - b.id;

  /** Pieces covering any of [start, end), in text order. */
  function piecesOver(start, end) {
    const found = [];
    for (let i = Math.max(firstAtOrAfter(starts, start + 1) - 1, 0); i < pieces.length; i++) {
      if (starts[i] >= end) break;
      if (pieceEnd(pieces[i]) > start) found.push(pieces[i]);
    }
    return found;
  }

  // ---- from a DOM selection to code points ---------------------------------------------------
  function pointOffset(node, offset, isEnd) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const piece = element && element.closest("[data-start]");
    if (piece && docText.contains(piece)) {
      const before = document.createRange();
      before.setStart(piece, 0);
      before.setEnd(node, offset);
      return offsetIn(piece.dataset.start, before.toString());
    }
    // In a gutter, between paragraphs or outside the text: the nearest edge of shown text.
    const point = document.createRange();
    point.setStart(node, offset);
    let low = 0;
    let high = pieces.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (point.comparePoint(pieces[mid], 0) < 0) low = mid + 1;
      else high = mid;
    }
    if (isEnd) return low > 0 ? pieceEnd(pieces[low - 1]) : null;
    return low < pieces.length ? starts[low] : null;
  }

  /** The current selection as a span of code points, or null when it is not in the text. */
  function selectedSpan() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(docText)) return null;
    const start = pointOffset(range.startContainer, range.startOffset, false);
    const end = pointOffset(range.endContainer, range.endOffset, true);
    if (start === null || end === null || start >= end) return null;
    return tidySpan(chars, shown, start, end);
  }

  // ---- the passage waiting for a code ---------------------------------------------------------
  function setPending(span) {
    pending = span;
    const text = chars.slice(span.start, span.end).join("");
    if (info) info.textContent = `${quote(text, 50)} (${span.end - span.start} characters)`;
    document.body.classList.add("has-selection");
    drawPending();
  }

  function clearPending() {
    pending = null;
    marks.textContent = "";
    if (info) info.textContent = "Select text to code it.";
    document.body.classList.remove("has-selection");
  }

  function textRange(piece, start, end) {
    const node = piece.firstChild;
    const from = Number(piece.dataset.start);
    const range = document.createRange();
    range.setStart(node, utf16Index(node.data, Math.max(start - from, 0)));
    range.setEnd(node, utf16Index(node.data, end - from));
    return range;
  }

  // The pending passage is drawn over the text rather than by splitting pieces, so the
  // browser's own selection (and copying it) stays intact.
  function drawPending() {
    marks.textContent = "";
    if (!pending) return;
    const box = docText.getBoundingClientRect();
    const origin = { left: box.left + docText.clientLeft, top: box.top + docText.clientTop };
    for (const piece of piecesOver(pending.start, pending.end)) {
      if (!piece.firstChild) continue;
      for (const rect of textRange(piece, pending.start, pending.end).getClientRects()) {
        const mark = document.createElement("div");
        mark.className = "pending";
        mark.style.left = `${rect.left - origin.left}px`;
        mark.style.top = `${rect.top - origin.top}px`;
        mark.style.width = `${rect.width}px`;
        mark.style.height = `${rect.height}px`;
        marks.appendChild(mark);
      }
    }
  }

  function takeSelection() {
    const span = selectedSpan();
    if (span) setPending(span);
  }

  // ---- codings on the page ---------------------------------------------------------------------
  /** Cut the piece holding `offset` in two there, so that a coding can start or end at it. */
  function splitAt(offset) {
    const i = firstAtOrAfter(starts, offset + 1) - 1;
    if (i < 0 || starts[i] === offset) return;
    const piece = pieces[i];
    const text = piece.textContent;
    const cut = utf16Index(text, offset - starts[i]);
    if (cut >= text.length) return; // at its end, or in text that is not shown
    const tail = piece.cloneNode(false);
    tail.dataset.start = String(offset);
    tail.textContent = text.slice(cut);
    piece.textContent = text.slice(0, cut);
    piece.after(tail);
    pieces.splice(i + 1, 0, tail);
    starts.splice(i + 1, 0, offset);
  }

  function setIds(piece, ids) {
    if (ids.length) piece.dataset.codingIds = ids.join(" ");
    else delete piece.dataset.codingIds;
    repaint(piece);
  }

  function repaint(piece) {
    const shownHere = idsOf(piece).map((id) => codings.get(id)).filter(visible).sort(byPosition);
    piece.classList.toggle("hl", shownHere.length > 0);
    if (shownHere.length) piece.setAttribute("style", paint(shownHere.map((c) => c.colour)));
    else piece.removeAttribute("style");
  }

  function cover(coding) {
    splitAt(coding.start);
    splitAt(coding.end);
    for (const piece of piecesOver(coding.start, coding.end)) {
      setIds(piece, [...idsOf(piece), coding.id]);
    }
  }

  function uncover(coding) {
    for (const piece of piecesOver(coding.start, coding.end)) {
      setIds(piece, idsOf(piece).filter((id) => id !== coding.id));
    }
  }

  function addCoding(coding) {
    const known = codings.get(coding.id);
    if (known) uncover(known);
    codings.set(coding.id, coding);
    cover(coding);
    ensureLayer(coding.coder);
    refresh();
  }

  function dropCoding(id) {
    const coding = codings.get(id);
    if (!coding) return;
    codings.delete(id);
    uncover(coding);
    refresh();
  }

  function refresh() {
    drawStripes();
    drawPending();
    updateCounts();
    if (focusedCode !== null) showCode(focusedCode, false);
  }

  // ---- margin stripes: one bar per coding, over the lines it covers ---------------------------
  function stripeOf(coding) {
    const over = piecesOver(coding.start, coding.end);
    if (!over.length) return null;
    const first = over[0].getClientRects()[0];
    const lastRects = over[over.length - 1].getClientRects();
    const last = lastRects[lastRects.length - 1];
    return first && last ? { coding, top: first.top, bottom: last.bottom } : null;
  }

  function drawStripes() {
    const box = document.getElementById("stripes");
    if (!box) return;
    const origin = docText.getBoundingClientRect().top + docText.clientTop;
    const items = [...codings.values()].filter(visible).map(stripeOf).filter(Boolean);
    items.sort((a, b) => a.top - b.top || b.bottom - a.bottom);
    const laneOf = lanes(items);
    const bars = document.createDocumentFragment();
    items.forEach((item, n) => {
      const bar = document.createElement("div");
      bar.className = "stripe";
      bar.dataset.codingId = String(item.coding.id);
      bar.title = `${item.coding.code_path} · ${item.coding.coder}`;
      bar.style.background = item.coding.colour;
      bar.style.top = `${item.top - origin}px`;
      bar.style.height = `${Math.max(item.bottom - item.top, 4)}px`;
      bar.style.insetInlineStart = `${(laneOf[n] % 8) * 7}px`;
      bars.appendChild(bar);
    });
    box.replaceChildren(bars);
  }

  // ---- counts, layers, the codebook ------------------------------------------------------------
  function updateCounts() {
    const perCode = new Map();
    const perCoder = new Map();
    for (const c of codings.values()) {
      perCoder.set(c.coder, (perCoder.get(c.coder) || 0) + 1);
      if (visible(c)) perCode.set(c.code_id, (perCode.get(c.code_id) || 0) + 1);
    }
    for (const cell of document.querySelectorAll("[data-count-for]")) {
      cell.textContent = perCode.get(Number(cell.dataset.countFor)) || "";
    }
    for (const cell of document.querySelectorAll("[data-layer-count]")) {
      cell.textContent = perCoder.get(cell.dataset.layerCount) || 0;
    }
  }

  function ensureLayer(coder) {
    const layers = document.getElementById("layers");
    const boxes = [...document.querySelectorAll("input.layer")];
    const known = boxes.some((box) => box.dataset.coder === coder);
    if (!layers || known) return;
    const label = document.createElement("label");
    label.className = "layer-toggle";
    const box = document.createElement("input");
    Object.assign(box, { type: "checkbox", className: "layer", checked: true });
    box.dataset.coder = coder;
    const count = document.createElement("small");
    count.className = "muted";
    count.dataset.layerCount = coder;
    label.append(box, ` ${coder} `, count);
    layers.appendChild(label);
  }

  function toggleLayer(box) {
    if (box.checked) hidden.delete(box.dataset.coder);
    else hidden.add(box.dataset.coder);
    pieces.filter((p) => p.dataset.codingIds).forEach(repaint);
    closePanel();
    refresh();
  }

  /** Show the passages coded with `codeId` (others dimmed); `scroll` brings the first in view. */
  function showCode(codeId, scroll) {
    focusedCode = codeId;
    const coded = [...codings.values()].filter((c) => visible(c) && c.code_id === codeId);
    const mine = new Set(coded.map((c) => c.id));
    let first = null;
    for (const piece of pieces) {
      const on = idsOf(piece).some((id) => mine.has(id));
      piece.classList.toggle("focus", on);
      first = first || (on ? piece : null);
    }
    docText.classList.add("focusing");
    for (const button of document.querySelectorAll(".code-link")) {
      button.setAttribute("aria-pressed", String(Number(button.dataset.codeId) === codeId));
    }
    if (scroll && first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    if (scroll && !first) {
      thematic.toast(`No passages coded ${codes.get(codeId).path} on the layers shown.`);
    }
  }

  function clearFocus() {
    focusedCode = null;
    docText.classList.remove("focusing");
    for (const piece of docText.querySelectorAll(".focus")) piece.classList.remove("focus");
    for (const button of document.querySelectorAll(".code-link[aria-pressed]")) {
      button.removeAttribute("aria-pressed");
    }
  }

  // ---- talking to the server -------------------------------------------------------------------
  async function applyCode(codeId) {
    const code = codes.get(Number(codeId));
    if (!code) return;
    if (!pending) {
      thematic.toast("Select a passage in the text first, then choose the code.", "error");
      return;
    }
    const { start, end } = pending;
    const body = { document_id: data.document_id, start, end, code: code.id };
    const as = document.getElementById("code-as");
    if (as) body.coder = as.value;
    try {
      const coding = await thematic.api("POST", "/api/codings", body);
      addCoding(coding);
      clearPending();
      window.getSelection().removeAllRanges();
      thematic.toast(`Coded ${quote(coding.text)} as ${coding.code_path}`);
    } catch (error) {
      thematic.toast(error.message, "error");
    }
  }

  async function removeCoding(id) {
    try {
      await thematic.api("DELETE", `/api/codings/${id}`);
      dropCoding(id);
      closePanel();
      thematic.toast("Coding removed.");
    } catch (error) {
      thematic.toast(error.message, "error");
    }
  }

  async function adjustCoding(id) {
    if (!pending) {
      thematic.toast("Select the passage the coding should cover, then press Adjust.", "error");
      return;
    }
    try {
      const coding = await thematic.api("PATCH", `/api/codings/${id}`, pending);
      addCoding(coding);
      clearPending();
      closePanel();
      thematic.toast(`${coding.code_path} now covers ${quote(coding.text)}.`);
    } catch (error) {
      thematic.toast(error.message, "error");
    }
  }

  // ---- the panel of codings at a place ---------------------------------------------------------
  function element(tag, props = {}, ...children) {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  }

  function panelItem(coding) {
    const swatch = element("span", { className: "swatch" });
    swatch.style.background = coding.colour;
    const item = element(
      "li", {}, swatch, " ", element("strong", {}, coding.code_path),
      element("div", { className: "meta" }, `${coding.coder} · ${when(coding.created_at)}`),
      element("q", { dir: "auto" }, shorten(coding.text, 140)),
    );
    item.dataset.codingId = String(coding.id);
    const actions = element("div", { className: "actions" });
    if (canChange(coding)) {
      actions.append(
        element("button", {
          type: "button",
          textContent: "Adjust to selection",
          title: "Make this coding cover the selected passage",
        }),
        element("button", { type: "button", className: "danger", textContent: "Remove" }),
      );
      actions.children[0].dataset.action = "adjust";
      actions.children[1].dataset.action = "remove";
    }
    const memo = { href: `/memos?link=coding:${coding.id}`, textContent: "Write a memo" };
    actions.append(element("a", memo));
    item.appendChild(actions);
    return item;
  }

  function openPanel(ids, x, y) {
    const here = ids.map((id) => codings.get(id)).filter(visible).sort(byPosition);
    if (!here.length) return;
    const close = element("button", { type: "button", className: "link", textContent: "Close" });
    close.dataset.action = "close";
    const title = element("strong", {}, "Codings here");
    const head = element("div", { className: "panel-head" }, title, close);
    panel.replaceChildren(head, element("ul", {}, ...here.map(panelItem)));
    panel.hidden = false;
    const width = panel.offsetWidth;
    const left = Math.max(8, Math.min(x, window.innerWidth - width - 16));
    panel.style.left = `${left + window.scrollX}px`;
    panel.style.top = `${y + window.scrollY + 14}px`;
  }

  function closePanel() {
    if (panel) panel.hidden = true;
  }

  function onPanelClick(event) {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    const id = Number(button.closest("[data-coding-id]")?.dataset.codingId);
    if (button.dataset.action === "close") closePanel();
    else if (button.dataset.action === "remove") removeCoding(id);
    else if (button.dataset.action === "adjust") adjustCoding(id);
  }

  // A click inside a selected passage may leave the selection in place until later, so a click
  // is told from the end of a drag by how far the mouse moved since it was pressed.
  let pressedAt = null;
  function onTextPress(event) {
    pressedAt = [event.clientX, event.clientY];
    closePanel();
  }

  function onTextClick(event) {
    const [x, y] = pressedAt || [event.clientX, event.clientY];
    if (Math.abs(event.clientX - x) + Math.abs(event.clientY - y) > 4 || event.detail > 1) return;
    const stripe = event.target.closest(".stripe");
    const piece = event.target.closest(".hl");
    if (stripe) openPanel([Number(stripe.dataset.codingId)], event.clientX, event.clientY);
    else if (piece) openPanel(idsOf(piece), event.clientX, event.clientY);
    else {
      closePanel();
      clearPending();
    }
  }

  // ---- the code box: autocomplete over the codebook ---------------------------------------------
  let matches = [];
  let active = -1;

  function showOptions() {
    matches = matchCodes(data.codes, input.value);
    active = matches.length ? 0 : -1;
    renderOptions();
  }

  function renderOptions() {
    options.replaceChildren(...matches.map((code, n) => {
      const swatch = element("span", { className: "swatch" });
      swatch.style.background = code.colour;
      const parent = code.path.slice(0, code.path.length - code.name.length);
      const option = element("li", { id: `code-option-${code.id}` }, swatch, " ",
        element("span", { className: "parent" }, parent), code.name);
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", String(n === active));
      option.dataset.codeId = String(code.id);
      return option;
    }));
    options.hidden = matches.length === 0;
    input.setAttribute("aria-expanded", String(!options.hidden));
    const current = options.children[active];
    if (current) {
      input.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  }

  function closeOptions() {
    options.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  function choose(code) {
    if (!code) {
      thematic.toast(`No code matches “${input.value}”.`, "error");
      return;
    }
    closeOptions();
    input.value = "";
    input.blur();
    applyCode(code.id);
  }

  function onInputKey(event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (options.hidden) showOptions();
      else if (matches.length) {
        active = (active + (event.key === "ArrowDown" ? 1 : -1) + matches.length) % matches.length;
        renderOptions();
      }
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(matches[active]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      if (options.hidden) {
        input.value = "";
        input.blur();
      } else closeOptions();
    }
  }

  // ---- keyboard shortcuts ----------------------------------------------------------------------
  const isTyping = (target) =>
    target instanceof Element && target.closest("input, textarea, select, [contenteditable]");

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      clearPending();
      closePanel();
      clearFocus();
      window.getSelection().removeAllRanges();
      return;
    }
    if (isTyping(event.target)) return;
    if (/^[1-9]$/.test(event.key)) {
      const pin = document.querySelector(`.pin[data-key="${event.key}"]`);
      if (pin) {
        event.preventDefault();
        applyCode(pin.dataset.codeId);
      }
    } else if (event.key === "c" && input) {
      event.preventDefault();
      input.focus();
    }
  }

  // ---- wiring ----------------------------------------------------------------------------------
  function onCodebookClick(event) {
    const apply = event.target.closest(".apply");
    const link = event.target.closest(".code-link");
    if (apply) applyCode(apply.dataset.codeId);
    else if (link && Number(link.dataset.codeId) === focusedCode) clearFocus();
    else if (link) showCode(Number(link.dataset.codeId), true);
  }

  function whenIdle(callback) {
    let queued = false;
    return () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        callback();
      });
    };
  }

  function start() {
    document.addEventListener("mouseup", () => setTimeout(takeSelection, 0));
    document.addEventListener("keyup", (event) => {
      if (event.shiftKey && !isTyping(event.target)) takeSelection();
    });
    document.addEventListener("keydown", onKey);
    docText.addEventListener("mousedown", onTextPress);
    docText.addEventListener("click", onTextClick);
    panel.addEventListener("click", onPanelClick);
    document.addEventListener("click", (event) => {
      if (!panel.hidden && !event.target.closest("#coding-panel, #doc-text")) closePanel();
    });
    document.getElementById("codebook").addEventListener("click", onCodebookClick);
    document.getElementById("layers").addEventListener("change", (event) => {
      if (event.target.matches("input.layer")) toggleLayer(event.target);
    });
    for (const pin of document.querySelectorAll(".pin")) {
      pin.addEventListener("click", () => applyCode(pin.dataset.codeId));
    }
    if (input) {
      input.addEventListener("focus", showOptions);
      input.addEventListener("input", showOptions);
      input.addEventListener("keydown", onInputKey);
      input.addEventListener("blur", closeOptions);
      options.addEventListener("mousedown", (event) => {
        event.preventDefault(); // keep the focus in the box until the code is chosen
        const option = event.target.closest("[role=option]");
        if (option) choose(codes.get(Number(option.dataset.codeId)));
      });
    }
    const redraw = whenIdle(() => {
      drawStripes();
      drawPending();
    });
    window.addEventListener("resize", redraw);
    if (document.fonts) document.fonts.ready.then(redraw);
    drawStripes();
  }

  start();
  return {
    ...pure, selectedSpan, applyCode, setPending, clearPending,
    state: () => ({ pending, hidden: [...hidden], codings: [...codings.values()] }),
  };
})();
