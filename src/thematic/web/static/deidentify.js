// The de-identification page: select words in the passage view to fill the start and end of
// the "mark an identifier the scan missed" form.
//
// Offsets are code points over the NFC text, as everywhere in thematic. The passage is
// rendered as pieces with data-start (the code-point offset of the piece's first character),
// and the conversion from the browser's UTF-16 positions is the coding workspace's own
// (thematic.workspace.offsetIn and trimSpan, from workspace.js, loaded before this file).
"use strict";
(function () {
  const view = document.getElementById("passage-text");
  const form = document.getElementById("add-form");
  if (!view || !form || !window.thematic.workspace) return;
  const { offsetIn, trimSpan, quote } = window.thematic.workspace;
  const pieces = Array.from(view.querySelectorAll("[data-start]"));
  const chars = Array.from(view.textContent);

  /** The code-point offset of a DOM position inside the passage view (null outside it). */
  function position(node, offset, isEnd) {
    if (node === view) {
      // Between pieces: the start of the next one, or the end of the one before.
      const piece = isEnd ? pieces[offset - 1] : pieces[offset];
      if (!piece) return isEnd ? null : chars.length;
      return isEnd ? offsetIn(piece.dataset.start, piece.textContent) : Number(piece.dataset.start);
    }
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const piece = element && element.closest("[data-start]");
    if (!piece || !view.contains(piece)) return null;
    const before = document.createRange();
    before.setStart(piece, 0);
    before.setEnd(node, offset);
    return offsetIn(piece.dataset.start, before.toString());
  }

  function takeSelection() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!view.contains(range.commonAncestorContainer)) return;
    const start = position(range.startContainer, range.startOffset, false);
    const end = position(range.endContainer, range.endOffset, true);
    if (start === null || end === null || start >= end) return;
    const span = trimSpan(chars, start, end);
    if (!span) return;
    form.elements.start.value = span.start;
    form.elements.end.value = span.end;
    form.elements.document.value = view.dataset.document;
    const words = chars.slice(span.start, span.end).join("");
    document.getElementById("add-selected").textContent =
      `${quote(words, 60)}: characters ${span.start} to ${span.end}`;
  }

  document.addEventListener("mouseup", () => setTimeout(takeSelection, 0));
  document.addEventListener("keyup", (event) => {
    if (event.shiftKey) takeSelection();
  });
})();
