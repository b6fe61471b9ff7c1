// The analysis pages: a little plain JavaScript on top of server-rendered forms, which all
// work without it. Pinning a quote and saving a framework summary stay on the page.
"use strict";
(function () {
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const field = (form, name) => form.elements.namedItem(name).value;

  async function pin(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const quote = await thematic.api("POST", "/api/quotes", {
        code: field(form, "code"),
        document_id: Number(field(form, "document")),
        start: Number(field(form, "start")),
        end: Number(field(form, "end")),
      });
      const badge = document.createElement("span");
      badge.className = "badge yes pinned";
      badge.textContent = "Pinned";
      form.replaceWith(badge);
      thematic.toast(`Pinned to ${quote.code} (place ${quote.position + 1}). See the Quotes page.`);
    } catch (error) {
      button.disabled = false;
      thematic.toast(error.message, "error");
    }
  }

  async function saveSummary(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const saved = await thematic.api("PUT", "/api/framework/summary", {
        participant: field(form, "participant"),
        code: field(form, "code"),
        summary: field(form, "summary"),
      });
      form.classList.remove("changed");
      thematic.toast(saved.summary ? "Summary saved." : "Summary cleared.");
    } catch (error) {
      thematic.toast(error.message, "error");
    } finally {
      button.disabled = false;
    }
  }

  function markChanged(event) {
    event.currentTarget.classList.add("changed");
  }

  function reportStarted() {
    const status = document.getElementById("report-status");
    if (status) status.textContent = "Preparing the report… the download starts in a few seconds.";
  }

  $$("form.pin-form").forEach((form) => form.addEventListener("submit", pin));
  $$("form.summary-form").forEach((form) => {
    form.addEventListener("submit", saveSummary);
    form.addEventListener("input", markChanged);
  });
  const report = document.getElementById("report-form");
  if (report) report.addEventListener("submit", reportStarted);
  window.addEventListener("beforeunload", (event) => {
    if (document.querySelector("form.summary-form.changed")) event.preventDefault();
  });
})();
