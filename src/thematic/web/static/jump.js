// Open the coding workspace at a passage: /documents/3/code?at=120-164 scrolls to code points
// 120 to 164 of the text and marks them, until the next click in the text or Escape. Search
// hits, coding-query passages and quotes link here.
//
// Offsets are code points over the NFC text, as everywhere in thematic; the page's pieces
// carry their first code point in data-start (see workspace.py), and a JavaScript string
// counts UTF-16 units, so an emoji is stepped over as one code point but two units.
"use strict";
(function () {
  const docText = document.getElementById("doc-text");
  const asked = /^(\d+)-(\d+)$/.exec(new URLSearchParams(window.location.search).get("at") || "");
  if (!docText || !asked) return;
  const start = Number(asked[1]);
  const end = Number(asked[2]);
  if (!(start < end)) return;

  function utf16Index(text, count) {
    let index = 0;
    for (let n = 0; n < count && index < text.length; n++) {
      index += text.codePointAt(index) > 0xffff ? 2 : 1;
    }
    return index;
  }

  /** DOM ranges covering [start, end) in the pieces of shown text. */
  function ranges() {
    const found = [];
    for (const piece of docText.querySelectorAll("[data-start]")) {
      const node = piece.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      const from = Number(piece.dataset.start);
      const to = from + Array.from(node.data).length;
      if (to <= start || from >= end) continue;
      const range = document.createRange();
      range.setStart(node, utf16Index(node.data, Math.max(start - from, 0)));
      range.setEnd(node, utf16Index(node.data, Math.min(end, to) - from));
      found.push(range);
    }
    return found;
  }

  const layer = document.createElement("div");
  layer.className = "jump-marks";
  layer.setAttribute("aria-hidden", "true");
  Object.assign(layer.style, { position: "absolute", inset: "0", pointerEvents: "none" });
  docText.appendChild(layer);

  function draw() {
    layer.textContent = "";
    const box = docText.getBoundingClientRect();
    const left = box.left + docText.clientLeft;
    const top = box.top + docText.clientTop;
    for (const range of ranges()) {
      for (const rect of range.getClientRects()) {
        const mark = document.createElement("div");
        mark.className = "jump-mark";
        Object.assign(mark.style, {
          position: "absolute",
          left: `${rect.left - left - 1}px`,
          top: `${rect.top - top - 1}px`,
          width: `${rect.width + 2}px`,
          height: `${rect.height + 2}px`,
          background: "rgba(255, 213, 0, 0.42)",
          outline: "2px solid #b58100",
          borderRadius: "3px",
        });
        layer.appendChild(mark);
      }
    }
    return layer.firstChild;
  }

  function clear() {
    layer.remove();
    window.removeEventListener("resize", draw);
  }

  const first = draw();
  if (first) {
    first.scrollIntoView({ block: "center" });
    if (first.animate) {
      first.parentNode.childNodes.forEach((mark) =>
        mark.animate([{ opacity: 0.25 }, { opacity: 1 }], { duration: 450, iterations: 4 }),
      );
    }
  } else {
    // The words are not in the shown text (a speaker label between turns): show what follows.
    const next = Array.from(docText.querySelectorAll("[data-start]"))
      .find((piece) => Number(piece.dataset.start) >= start);
    if (next) next.scrollIntoView({ block: "center" });
  }
  docText.dataset.at = `${start}-${end}`;
  window.addEventListener("resize", draw);
  if (document.fonts) document.fonts.ready.then(() => layer.isConnected && draw());
  docText.addEventListener("mousedown", clear, { once: true });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") clear();
  });
})();
