// The mohscode page: sends the note to POST /v1/code and shows the answer.
// Note text and everything derived from it is only ever set with
// textContent, never as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("note-form");
  const note = $("note");
  const payer = $("payer");
  const fileInput = $("file");
  const dropZone = $("drop-zone");
  const statusLine = $("status");
  const tokenForm = $("token-form");
  const tokenInput = $("token");
  const tokenMessage = $("token-message");
  const result = $("result");
  const linesBody = document.querySelector("#lines tbody");
  const noteView = $("note-view");

  const maxBody = 1 << 20;
  const tokenKey = "mohscode-token";
  const severities = [
    ["error", "Errors"],
    ["warning", "Warnings"],
    ["info", "Info"],
  ];

  let token = sessionStorage.getItem(tokenKey) || "";
  let pending = null; // the request waiting for a token
  let claim = null; // the last answer

  // el makes an element; string children become text nodes.
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return e;
  }

  function say(message, isError) {
    statusLine.textContent = message;
    statusLine.classList.toggle("error", Boolean(isError));
  }

  // --- input: paste, file, drop ---

  async function loadFile(file) {
    if (!file) return;
    if (file.size > maxBody) {
      say(file.name + " is larger than 1 MiB.", true);
      return;
    }
    note.value = await file.text();
    say("Loaded " + file.name + ".");
    note.focus();
  }

  fileInput.addEventListener("change", () => loadFile(fileInput.files[0]));
  dropZone.addEventListener("dragover", (ev) => {
    ev.preventDefault();
    dropZone.classList.add("dragging");
  });
  dropZone.addEventListener("dragleave", () => dropZone.classList.remove("dragging"));
  dropZone.addEventListener("drop", (ev) => {
    ev.preventDefault();
    dropZone.classList.remove("dragging");
    if (ev.dataTransfer && ev.dataTransfer.files.length > 0) loadFile(ev.dataTransfer.files[0]);
  });
  note.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });

  // --- the request ---

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = note.value;
    if (text.trim() === "") {
      say("Paste a note first.", true);
      note.focus();
      return;
    }
    send({ text: text, payer: payer.value });
  });

  tokenForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    token = tokenInput.value.trim();
    sessionStorage.setItem(tokenKey, token);
    tokenInput.value = "";
    tokenForm.hidden = true;
    if (pending) send(pending);
  });

  async function send(req) {
    pending = null;
    $("code-button").disabled = true;
    say("Coding…");
    const headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    let resp, body;
    try {
      resp = await fetch("/v1/code", {
        method: "POST",
        headers: headers,
        body: JSON.stringify(req),
        cache: "no-store",
      });
      body = await resp.json().catch(() => null);
    } catch (e) {
      say("The server cannot be reached: " + e.message, true);
      return;
    } finally {
      $("code-button").disabled = false;
    }
    const message = body && body.error && body.error.message ? body.error.message : resp.statusText;
    if (resp.status === 401) {
      pending = req;
      tokenMessage.textContent = token
        ? "The API token was not accepted. Enter it again to retry."
        : "This server needs an API token. Enter it to retry.";
      tokenForm.hidden = false;
      say("Waiting for the API token.", true);
      tokenInput.focus();
      return;
    }
    tokenForm.hidden = true;
    if (resp.status === 200 && body) {
      showClaim(req.text, body);
      const n = body.lines.length;
      const f = body.findings.length;
      const errors = body.findings.filter((x) => x.severity === "error").length;
      say("Coded: " + n + (n === 1 ? " claim line, " : " claim lines, ") + f + (f === 1 ? " finding" : " findings") +
        (errors === 0 ? " (no errors)." : errors === 1 ? " (1 error)." : " (" + errors + " errors)."));
    } else if (resp.status === 422 && body && body.error) {
      showParseError(req.text, body.error);
      say("The note cannot be read: see the error below.", true);
    } else {
      say("The server answered " + resp.status + ": " + message, true);
    }
  }

  // --- the answer ---

  function showNote(text) {
    noteView.replaceChildren();
    const lines = text.split(/\r?\n/);
    if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
    lines.forEach((line, i) => {
      const n = i + 1;
      noteView.append(
        el("li", { class: "note-line", id: "note-line-" + n, "data-line": String(n) },
          el("span", { class: "ln", "aria-hidden": "true", text: String(n) }),
          el("span", { class: "lt", text: line === "" ? " " : line })));
    });
  }

  // highlight marks the note lines given and scrolls them into view: all of
  // them when they fit in the note panel, else the first.
  function highlight(lines, from) {
    for (const e of noteView.querySelectorAll(".hl")) e.classList.remove("hl");
    for (const e of document.querySelectorAll(".selected")) {
      e.classList.remove("selected");
      e.removeAttribute("aria-current");
    }
    if (from) {
      from.classList.add("selected");
      from.setAttribute("aria-current", "true");
    }
    let first = null;
    let last = null;
    for (const n of lines) {
      const li = $("note-line-" + n);
      if (!li) continue;
      li.classList.add("hl");
      if (!first || li.offsetTop < first.offsetTop) first = li;
      if (!last || li.offsetTop > last.offsetTop) last = li;
    }
    if (!first) return;
    // The last line first, at once, then the first: when the span fits, both
    // ends are in view; when it does not, the first is. Smooth unless the
    // user asks for reduced motion (the CSS rule cannot override a behavior
    // given here).
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    last.scrollIntoView({ block: "nearest", behavior: "auto" });
    first.scrollIntoView({ block: "nearest", behavior: reduce ? "auto" : "smooth" });
  }

  // breakable lets long slashed words ("head/neck/hands/feet") wrap after
  // each slash: text nodes and <wbr> elements, no HTML parsing.
  function breakable(text) {
    const parts = [];
    text.split("/").forEach((part, i) => {
      if (i > 0) parts.push("/", el("wbr"));
      parts.push(part);
    });
    return parts;
  }

  function showEncounter(c) {
    const dl = $("encounter");
    dl.replaceChildren();
    const e = c.encounter || {};
    const items = [
      ["Date of service", e.date_of_service || "not given"],
      ["Place of service", e.place_of_service || "not given"],
      ["Payer profile", e.payer_profile || ""],
    ];
    for (const [k, v] of items) dl.append(el("div", null, el("dt", { text: k }), el("dd", { text: v })));
  }

  function showClaim(text, c) {
    claim = c;
    result.hidden = false;
    $("parse-error").hidden = true;
    $("lines-block").hidden = false;
    $("copy-csv").disabled = c.lines.length === 0;
    showNote(text);
    showEncounter(c);

    linesBody.replaceChildren();
    if (c.lines.length === 0) {
      linesBody.append(el("tr", null, el("td", { colspan: "9", class: "empty", text: "No claim lines." })));
    }
    for (const l of c.lines) {
      const evidence = (l.evidence || []).map((e) => e.line);
      const show = el("button", { type: "button", class: "link", "aria-label": "Highlight note lines " + evidence.join(", ") + " of claim line " + l.seq },
        evidence.join(", ") || "–");
      const tr = el("tr", { class: "claim-line", tabindex: "0", "data-seq": String(l.seq) },
        el("td", { class: "num", text: String(l.seq) }),
        el("td", { class: "code", text: l.code }),
        el("td", { class: "num", text: String(l.units) }),
        el("td", { class: "modifiers", text: l.modifiers.join(", ") || "–" }),
        el("td", { class: "lesion", text: l.lesion }),
        el("td", { class: "dx", title: l.diagnosis_pointers.map((p) => (c.diagnoses[p - 1] || {}).code || "?").join(", "), text: l.diagnosis_pointers.join(", ") || "–" }),
        el("td", { class: "evidence" }, show),
        el("td", { class: "description" }, ...breakable(l.description)),
        el("td", { class: "why", text: l.reason }));
      const pick = () => highlight(evidence, tr);
      tr.addEventListener("click", pick);
      tr.addEventListener("keydown", (ev) => {
        if (ev.target === tr && (ev.key === "Enter" || ev.key === " ")) {
          ev.preventDefault();
          pick();
        }
      });
      linesBody.append(tr);
    }

    const dx = $("diagnoses");
    dx.replaceChildren();
    for (const d of c.diagnoses) {
      dx.append(el("li", null, el("span", { class: "code", text: d.code }), " ", d.description));
    }
    if (c.diagnoses.length === 0) dx.append(el("li", { class: "empty", text: "No diagnosis." }));

    showFindings(c.findings);
  }

  function showFindings(findings) {
    const box = $("findings");
    box.replaceChildren();
    if (findings.length === 0) {
      box.append(el("p", { class: "empty", text: "No findings: the documentation supports the claim." }));
      return;
    }
    for (const [sev, heading] of severities) {
      const group = findings.filter((f) => f.severity === sev);
      if (group.length === 0) continue;
      const ul = el("ul", { class: "findings" });
      for (const f of group) {
        const b = el("button", { type: "button", class: "finding " + sev },
          el("span", { class: "where", text: "line " + f.line }),
          el("span", { class: "rule", text: f.rule }),
          el("span", { class: "message", text: f.message }));
        b.addEventListener("click", () => highlight([f.line], b));
        ul.append(el("li", null, b));
      }
      box.append(el("section", { class: "severity " + sev, "aria-label": heading },
        el("h4", null, el("span", { class: "badge " + sev, text: heading }), " " + group.length),
        ul));
    }
  }

  function showParseError(text, err) {
    claim = null;
    result.hidden = false;
    showNote(text);
    $("encounter").replaceChildren();
    $("lines-block").hidden = true;
    $("copy-csv").disabled = true;
    $("findings").replaceChildren(el("p", { class: "empty", text: "Not checked: the note must be read first." }));
    const box = $("parse-error");
    box.hidden = false;
    box.replaceChildren();
    const b = el("button", { type: "button", class: "finding error" },
      el("span", { class: "where", text: "line " + err.line + ", column " + err.column }),
      el("span", { class: "message", text: err.message }));
    b.addEventListener("click", () => highlight([err.line], b));
    box.append(el("p", { text: "This note cannot be read, so it was not coded:" }), b);
    highlight([err.line], b);
  }

  // --- CSV ---

  // cell quotes a CSV field, and defuses text a spreadsheet would run as a
  // formula.
  function cell(v) {
    let s = String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  // claimCSV writes the claim with the columns of batch --format csv
  // (claimfmt.CSVHeader): one row per line, each with the note's findings.
  function claimCSV(c) {
    const rows = [["id", "date_of_service", "seq", "code", "units", "modifiers", "lesion", "diagnosis_pointers", "diagnoses", "evidence_lines", "description", "reason", "findings", "error", "rules"]];
    const dos = c.encounter.date_of_service || "";
    const findings = c.findings.map((f) => f.rule + " (" + f.severity + ", line " + f.line + ")").join("; ");
    for (const l of c.lines) {
      rows.push([
        c.source, dos, l.seq, l.code, l.units, l.modifiers.join(":"), l.lesion,
        l.diagnosis_pointers.join(":"),
        l.diagnosis_pointers.map((p) => (c.diagnoses[p - 1] || {}).code || "").join(":"),
        (l.evidence || []).map((e) => e.line).join(":"),
        l.description, l.reason, findings, "", (c.rules || {}).version || "",
      ]);
    }
    return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
  }

  $("copy-csv").addEventListener("click", async () => {
    if (!claim) return;
    const csv = claimCSV(claim);
    const n = claim.lines.length + (claim.lines.length === 1 ? " claim line" : " claim lines");
    try {
      // A clipboard that never answers (a permission prompt nobody sees)
      // must not leave the button silent: after 3 s, download instead.
      const late = new Promise((_, reject) => setTimeout(() => reject(new Error("no answer from the clipboard")), 3000));
      await Promise.race([navigator.clipboard.writeText(csv), late]);
      say("Copied " + n + " as CSV.");
    } catch (e) {
      // No clipboard (not a secure context, refused, or no answer): download instead.
      const a = el("a", { href: URL.createObjectURL(new Blob([csv], { type: "text/csv" })), download: "claim.csv" });
      document.body.append(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(a.href);
      say("The clipboard is not available here: saved " + n + " as claim.csv.");
    }
  });

  // claimCSV is exposed for the browser test.
  window.mohscode = { claimCSV: () => (claim ? claimCSV(claim) : "") };
})();
