// Shared helpers for every page: JSON requests carrying the CSRF token.
"use strict";
window.thematic = (function () {
  const token = () => document.querySelector('meta[name="csrf-token"]').content;
  async function api(method, url, body) {
    const response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = response.status === 204 ? null : await response.json();
    if (!response.ok) {
      const message = (data && data.error && data.error.message) || response.statusText;
      throw new Error(message);
    }
    return data;
  }
  function toast(message, kind) {
    let box = document.getElementById("toast");
    if (!box) {
      box = document.createElement("div");
      box.id = "toast";
      box.setAttribute("role", "status");
      document.body.appendChild(box);
    }
    box.textContent = message;
    box.className = "toast " + (kind || "");
    clearTimeout(box._timer);
    box._timer = setTimeout(() => { box.className = "toast hidden"; }, 4000);
  }
  return { api, toast, token };
})();
