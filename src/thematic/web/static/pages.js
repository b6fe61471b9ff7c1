// The participants, documents, codebook and memos pages: a little plain JavaScript on top of
// server-rendered HTML. Every form also works without it.
"use strict";
(function () {
  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));

  // -- sortable tables: click a column heading ---------------------------------------------
  function cellValue(row, index) {
    const cell = row.cells[index];
    if (!cell) return "";
    return cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
  }

  function compare(a, b) {
    if (a === "" || b === "") return a === b ? 0 : a === "" ? 1 : -1; // empty cells last
    const x = Number(a), y = Number(b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }

  function sortBy(table, index, heading) {
    const ascending = heading.getAttribute("aria-sort") !== "ascending";
    $$("th", table.tHead).forEach((th) => th.removeAttribute("aria-sort"));
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const body = table.tBodies[0];
    const rows = Array.from(body.rows).filter((row) => row.cells.length > 1);
    rows.sort((r1, r2) => {
      const order = compare(cellValue(r1, index), cellValue(r2, index));
      return ascending ? order : -order;
    });
    rows.forEach((row) => body.appendChild(row));
  }

  function makeSortable(table) {
    $$("thead th", table).forEach((th, index) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent.trim();
      button.title = "Sort by " + button.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", () => sortBy(table, index, th));
    });
  }

  // -- filtering the participants table: a text box and one select per category ------------
  function setupFilters(box) {
    const table = document.getElementById(box.dataset.table);
    const text = $("[data-filter-text]", box);
    const selects = $$("select[data-filter-column]", box);
    const count = $("#participant-count", box);
    const rows = Array.from(table.tBodies[0].rows).filter((row) => row.cells.length > 1);
    function apply() {
      const words = text.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      rows.forEach((row) => {
        const content = row.textContent.toLowerCase();
        const matches =
          words.every((word) => content.includes(word)) &&
          selects.every((s) => !s.value || cellValue(row, Number(s.dataset.filterColumn)) === s.value);
        row.hidden = !matches;
        if (matches) shown += 1;
      });
      if (count) count.textContent = `Showing ${shown} of ${rows.length}`;
    }
    text.addEventListener("input", apply);
    selects.forEach((s) => s.addEventListener("change", apply));
    apply();
  }

  // -- uploading documents with a progress bar ----------------------------------------------
  function sizeLabel(bytes) {
    if (bytes >= 1048576) return (bytes / 1048576).toFixed(1) + " MB";
    return Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  function checkFiles(form, files) {
    const allowed = form.dataset.suffixes.split(" ");
    if (!files.length) return "Choose one or more files first.";
    const wrong = files.filter((f) => !allowed.some((s) => f.name.toLowerCase().endsWith(s)));
    if (wrong.length) {
      const names = wrong.map((f) => f.name).join(", ");
      return `${names}: thematic reads only ${allowed.join(" ")} files. Nothing was uploaded.`;
    }
    const total = files.reduce((sum, f) => sum + f.size, 0);
    if (total > Number(form.dataset.maxBytes)) {
      return `These files come to ${sizeLabel(total)}, more than the limit of ${form.dataset.maxLabel} for one upload. Upload them in smaller groups.`;
    }
    return "";
  }

  function setupUpload(form) {
    const input = $("#upload-files", form);
    const box = $("#upload-progress-box", form);
    const bar = $("#upload-progress", form);
    const percent = $("#upload-percent", form);
    const status = $("#upload-status", form);
    const error = $("#upload-error", form);
    const submit = $("#upload-submit", form);
    function fail(message) {
      error.textContent = message;
      error.hidden = false;
      box.hidden = true;
      status.textContent = "";
      submit.disabled = false;
    }
    function show(fraction) {
      const value = Math.round(fraction * 100);
      bar.value = value;
      bar.textContent = percent.textContent = value + "%";
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      error.hidden = true;
      const files = Array.from(input.files);
      const problem = checkFiles(form, files);
      if (problem) return fail(problem);
      const request = new XMLHttpRequest();
      request.open("POST", form.dataset.api);
      request.setRequestHeader("X-CSRF-Token", thematic.token());
      request.setRequestHeader("Accept", "application/json");
      request.upload.addEventListener("progress", (e) => {
        if (e.lengthComputable) show(e.loaded / e.total);
      });
      request.upload.addEventListener("load", () => {
        show(1);
        status.textContent = "Uploaded. Reading the files…";
      });
      request.addEventListener("load", () => {
        let data = null;
        try { data = JSON.parse(request.responseText); } catch (_) { /* not JSON */ }
        if (request.status === 201) {
          status.textContent = `Imported ${data.length} document${data.length === 1 ? "" : "s"}.`;
          window.location.assign(`/documents?imported=${data.length}`);
          return;
        }
        fail((data && data.error && data.error.message) || `The upload failed (${request.status}).`);
      });
      request.addEventListener("error", () =>
        fail(`The upload did not get through. Files over ${form.dataset.maxLabel} are refused; otherwise check the connection and try again.`));
      submit.disabled = true;
      box.hidden = false;
      show(0);
      status.textContent = `Uploading ${files.length} file${files.length === 1 ? "" : "s"} (${sizeLabel(files.reduce((s, f) => s + f.size, 0))})…`;
      request.send(new FormData(form));
    });
  }

  // -- memos: preview Markdown as it will be shown --------------------------------------------
  function setupPreview(button) {
    const form = button.form;
    const target = $("#memo-preview", form);
    button.addEventListener("click", async (event) => {
      event.preventDefault();
      try {
        const data = await thematic.api("POST", "/api/memos/preview", { body: $("#memo-body", form).value });
        target.innerHTML = data.html || '<p class="muted">Nothing to preview yet.</p>'; // safe: the server escapes raw HTML
        target.hidden = false;
      } catch (error) {
        thematic.toast(error.message, "error");
      }
    });
  }

  // -- small things: confirmations, auto-submitting filters, the code colour -----------------
  function setupConfirm(form) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }

  // Each code's "Under" select is sent with only its current parent (a full list per code
  // would make the page grow with the square of the codebook); the full list, without the
  // code itself and its descendants, is copied in from the add form when the editor opens.
  function fillParents(select) {
    const source = $("#code-parent");
    if (!source || select.dataset.filled) return;
    const own = select.dataset.parentOf;
    const current = select.dataset.current;
    const top = select.options[0];
    select.replaceChildren(top);
    Array.from(source.options).forEach((option) => {
      const path = option.dataset.path;
      if (!path || path === own || path.startsWith(own + "/")) return;
      const copy = new Option(option.textContent, option.value, false, option.value === current);
      select.appendChild(copy);
    });
    top.selected = !current;
    select.dataset.filled = "yes";
  }

  function setupCodeEditor(details) {
    const select = $("select[data-parent-of]", details);
    if (!select) return;
    if (details.open) fillParents(select);
    details.addEventListener("toggle", () => { if (details.open) fillParents(select); });
  }

  function setupColour() {
    const picker = $("#code-colour");
    const own = $("#code-own-colour");
    if (picker && own) picker.addEventListener("input", () => { own.checked = true; });
  }

  document.documentElement.classList.add("js");
  $$("table[data-sortable]").forEach(makeSortable);
  $$(".filters[data-table]").forEach(setupFilters);
  $$("select[data-autosubmit]").forEach((s) => s.addEventListener("change", () => s.form.submit()));
  $$("form[data-confirm]").forEach(setupConfirm);
  const upload = $("#upload-form");
  if (upload) setupUpload(upload);
  const preview = $("#memo-preview-button");
  if (preview) setupPreview(preview);
  $$("details.code-edit").forEach(setupCodeEditor);
  setupColour();
})();
