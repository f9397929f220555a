// The page of kyoso serve: a profile form, the ranking, one program's explanation, diagnose
// and a budget what-if. Every number shown comes from the /api/v1/ documents (docs/serve.md);
// the page only lays them out. The state lives in the URL, so a view can be shared as a link.
"use strict";

const WORDS = {
  ja: {
    title: "研究大学総合振興パッケージ 適合診断",
    tab_fit: "プログラム適合", tab_diagnose: "課題から診断", tab_whatif: "予算の試算",
    pick_university: "大学を選ぶ", university_name: "大学名", search: "検索",
    clear: "選択を解除", chosen: "選択中:", no_match: "該当する大学がありません",
    profile_help: "大学を選ぶと、モデルが持つその大学のプロフィールから始まります。ここで選んだ項目は、それを置き換える（ミッション・段階・設置形態）か、付け加えます。",
    profile: "大学のプロフィール", mission: "ミッション", stage: "産学連携の段階",
    establishment: "設置形態", goals: "目的", fields: "地域の産業", partners: "連携先", holds: "採択済みのプログラム",
    eligible_only: "応募できるものだけ", rank: "ランキング", any: "（指定なし）",
    rank_h: "順位", program: "プログラム", route: "参加の道", call: "公募", score: "スコア",
    standing: "利用",
    criteria: "条件", weight: "重み", strength: "強さ", contribution: "寄与",
    score_note: "寄与 = 重み × 強さ ÷ 重みの合計。寄与の合計がスコア。",
    paths: "根拠となる経路", no_criteria: "プロフィールに条件がないため、スコアは0",
    eligibility_paths: "適格性の根拠", reasons: "理由", picture: "この説明が通るグラフ",
    sources: "出典", diagnose_by: "段階または課題で診断", challenge: "課題", diagnose: "診断",
    factors: "成功要素", cases: "参考事例", no_results: "該当なし",
    whatif_legend: "COI-NEXT の予算を変えると拠点数はどうなるか", budget: "予算",
    oku: "億円", budget_help: "この年度以降の予算（億円）。スライダーか数値で。",
    from_fy: "変更する年度", years: "年数", runs: "試行回数（モンテカルロ）", seed: "乱数シード",
    track: "表示する類型", simulate: "試算", base: "現行", scenario: "シナリオ",
    band: "p10–p90 の幅", sites: "拠点数", fiscal_year: "年度",
    footer: "kyoso serve — すべての数値は API の文書から:",
    outcome: { met: "満たす", partly: "一部", missed: "満たさない", unknown: "データに記載なし" },
    eligibility: { eligible: "応募可", conditional: "条件付き", "not-eligible": "対象外", unknown: "不明" },
    status: { open: "公募あり", "promotion-only": "昇格のみ", "continuing-only": "継続のみ", closed: "公募なし", allocated: "配分" },
    routes: { lead: "代表機関", member: "参画機関", through: "自治体の申請に参加", promotion: "昇格", allocated: "配分" },
    derived: "モデルから導いたプロフィール（✓ は条件に入る部分）",
    parts: { mission: "ミッション", goals: "目的", fields: "分野", stage: "段階", establishment: "設置形態",
             prefecture: "都道府県", region: "地方", holds: "採択済み" },
    none: "—",
  },
  en: {
    title: "Research-university support package: program fit",
    tab_fit: "Program fit", tab_diagnose: "Diagnose a challenge", tab_whatif: "Budget what-if",
    pick_university: "Pick your university", university_name: "name", search: "Search",
    clear: "clear", chosen: "chosen:", no_match: "no university matches",
    profile_help: "With a university picked, the profile starts from the one the model gives it; what you choose here replaces (mission, stage, establishment) or adds to it.",
    profile: "The university's profile", mission: "Mission", stage: "Collaboration stage",
    establishment: "Establishment", goals: "Goals", fields: "Regional industries", partners: "Partners", holds: "Programs it holds",
    eligible_only: "only programs it can apply to", rank: "Rank programs", any: "(any)",
    rank_h: "rank", program: "program", route: "route", call: "call", score: "score",
    standing: "standing",
    criteria: "Criteria", weight: "weight", strength: "strength", contribution: "contribution",
    score_note: "contribution = weight × strength ÷ total weight; the contributions add up to the score.",
    paths: "paths through the graph", no_criteria: "the profile states no criteria, so the score is 0",
    eligibility_paths: "Eligibility paths", reasons: "Reasons", picture: "The graph this explanation walks",
    sources: "Sources", diagnose_by: "Diagnose by stage or challenge", challenge: "Challenge", diagnose: "Diagnose",
    factors: "success factors", cases: "reference cases", no_results: "nothing found",
    whatif_legend: "What COI-NEXT's budget does to its sites", budget: "Budget",
    oku: "×100M JPY (億円)", budget_help: "The budget from that fiscal year on, in 億円 (100 million yen): slider or number.",
    from_fy: "from fiscal year", years: "years", runs: "runs (Monte Carlo)", seed: "seed",
    track: "track shown", simulate: "Simulate", base: "base", scenario: "scenario",
    band: "p10–p90 band", sites: "sites", fiscal_year: "fiscal year",
    footer: "kyoso serve — every figure comes from the API's documents:",
    outcome: { met: "met", partly: "partly", missed: "missed", unknown: "not known" },
    eligibility: { eligible: "eligible", conditional: "conditional", "not-eligible": "not eligible", unknown: "unknown" },
    derived: "The profile derived from the model (✓: a part the criteria use)",
    parts: { mission: "mission", goals: "goals", fields: "field", stage: "stage", establishment: "establishment",
             prefecture: "prefecture", region: "region", holds: "holds" },
    status: { open: "open", "promotion-only": "promotion only", "continuing-only": "continuing only", closed: "closed", allocated: "allocated" },
    routes: { lead: "lead", member: "member", through: "through a local government", promotion: "promotion", allocated: "allocated" },
    none: "—",
  },
};

const PROFILE_SINGLE = ["mission", "stage", "establishment"];
const PROFILE_MANY = ["goal", "field", "partner", "holds"];
const PALETTE = ["#1f5fae", "#2e7d4f", "#c58a12", "#7b4fa0", "#b3403a", "#2f8f9d", "#8a6d3b", "#555"];
const WHATIF_PROGRAM = "program/coi-next";

const state = readState();
let choices = null;
const shown = { fit: null, explain: null, diagnose: null, whatif: null };
const showCache = new Map();

// ---- small helpers --------------------------------------------------------------------------

function $(id) { return document.getElementById(id); }
function w() { return WORDS[state.lang]; }
function text(t) { return t ? (t[state.lang] || t.ja || "") : ""; }

// An element with attributes and children; text is always set as text, never as markup.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    // Through the CSSOM: the page's Content-Security-Policy refuses style attributes.
    else if (key === "style") Object.assign(node.style, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svgEl(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function fixed(x, digits) { return Number(x).toFixed(digits); }

async function api(path, params, options) {
  const query = params ? "?" + params.toString() : "";
  document.body.setAttribute("aria-busy", "true");
  let response;
  try {
    response = await fetch("/api/v1/" + path + query, options);
  } finally {
    document.body.removeAttribute("aria-busy");
  }
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function showError(id, error) {
  const box = $(id);
  box.hidden = !error;
  box.textContent = error ? error.message : "";
}

// ---- state and URL --------------------------------------------------------------------------

function readState() {
  const q = new URLSearchParams(location.search);
  const lang = q.get("lang") === "en" ? "en" : "ja";
  const s = { lang, tab: q.get("tab") || "fit", program: q.get("program") || "",
              university: q.get("university") || "", universityName: null,
              eligibleOnly: q.get("eligible-only") === "1",
              dStage: q.get("d-stage") || "", dChallenge: q.get("d-challenge") || "",
              budget: q.get("budget") || "", budgetFy: q.get("budget-fy") || "2025",
              years: q.get("years") || "10", runs: q.get("runs") || "1", seed: q.get("seed") || "1",
              track: q.get("track") || "" };
  for (const key of PROFILE_SINGLE) s[key] = q.get(key) || "";
  for (const key of PROFILE_MANY) s[key] = q.getAll(key);
  return s;
}

function writeState() {
  const q = new URLSearchParams();
  q.set("lang", state.lang);
  q.set("tab", state.tab);
  for (const [key, value] of profileParams()) q.append(key, value);
  if (state.program) q.set("program", state.program);
  if (state.dStage) q.set("d-stage", state.dStage);
  if (state.dChallenge) q.set("d-challenge", state.dChallenge);
  for (const key of ["budget", "budgetFy", "years", "runs", "seed", "track"]) {
    const name = key === "budgetFy" ? "budget-fy" : key;
    if (state[key]) q.set(name, state[key]);
  }
  history.replaceState(null, "", "?" + q.toString());
}

function profileParams() {
  const q = new URLSearchParams();
  if (state.university) q.set("university", state.university);
  for (const key of PROFILE_SINGLE) if (state[key]) q.set(key, state[key]);
  for (const key of PROFILE_MANY) for (const id of state[key]) q.append(key, id);
  if (state.eligibleOnly) q.set("eligible-only", "1");
  return q;
}

function hasCriteria() {
  return Boolean(state.university || state.mission || state.stage || state.goal.length || state.field.length);
}

// ---- the form -------------------------------------------------------------------------------

// Ids in a link may leave out their kind, as on the command line: "stage/1" or "1".
function sameId(full, given) { return full === given || full.endsWith("/" + given); }

function fillSelect(select, list, value) {
  select.replaceChildren(el("option", { value: "" }, w().any),
    ...list.map((c) => el("option", { value: c.id, selected: sameId(c.id, value) }, text(c.name))));
}

function fillChecks(box, name, list, values) {
  box.replaceChildren(...list.map((c) => el("label", { class: "check" },
    el("input", { type: "checkbox", name, value: c.id,
                  checked: values.some((v) => sameId(c.id, v)) }),
    " ", text(c.name))));
}

function fillForms() {
  fillSelect($("mission"), choices.missions, state.mission);
  fillSelect($("stage"), choices.stages, state.stage);
  fillSelect($("establishment"), choices.establishments, state.establishment);
  fillChecks($("goal"), "goal", choices.goals, state.goal);
  fillChecks($("field"), "field", choices.fields, state.field);
  fillChecks($("partner"), "partner", choices.partners, state.partner);
  $("holds").replaceChildren(...choices.programs.map((c) => el("option",
    { value: c.id, selected: state.holds.some((v) => sameId(c.id, v)) }, text(c.name))));
  $("eligible-only").checked = state.eligibleOnly;
  fillSelect($("diagnose-stage"), choices.stages, state.dStage);
  fillSelect($("diagnose-challenge"), choices.challenges, state.dChallenge);
  $("runs").max = choices.max_runs;
  for (const key of ["years", "runs", "seed"]) $(key).value = state[key];
  $("budget-fy").value = state.budgetFy;
  if (state.budget) { $("budget").value = state.budget; $("budget-range").value = state.budget; }
}

function readProfileForm() {
  for (const key of PROFILE_SINGLE) state[key] = $(key).value;
  for (const key of ["goal", "field", "partner"]) {
    state[key] = [...document.querySelectorAll(`input[name=${key}]:checked`)].map((i) => i.value);
  }
  state.holds = [...$("holds").selectedOptions].map((o) => o.value);
  state.eligibleOnly = $("eligible-only").checked;
}

function applyLang() {
  document.documentElement.lang = state.lang;
  document.title = w().title + " — kyoso";
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = w()[node.dataset.t];
  $("lang-ja").setAttribute("aria-pressed", state.lang === "ja");
  $("lang-en").setAttribute("aria-pressed", state.lang === "en");
  if (choices) {
    readProfileForm();
    fillForms();
  }
  renderChosen();
  if (shown.fit) renderDerived(shown.fit);
  if (shown.fit) renderRanking(shown.fit);
  if (shown.explain) renderExplanation(shown.explain);
  if (shown.diagnose) renderDiagnosis(shown.diagnose);
  if (shown.whatif) renderChart(shown.whatif);
}

function selectTab(tab) {
  state.tab = tab;
  for (const button of document.querySelectorAll("[data-tab]")) {
    const on = button.dataset.tab === tab;
    button.setAttribute("aria-selected", on);
    button.tabIndex = on ? 0 : -1;
    $("panel-" + button.dataset.tab).hidden = !on;
  }
  if (tab === "whatif" && !$("budget").value) loadBudget();
  writeState();
}

// ---- the university -------------------------------------------------------------------------

async function findUniversity() {
  const text = $("university-text").value.trim();
  if (!text) return;
  showError("fit-error", null);
  try {
    const doc = await api("find", new URLSearchParams({ text, kind: "university", top: "10" }));
    renderMatches(doc.matches);
  } catch (error) {
    showError("fit-error", error);
  }
}

function renderMatches(matches) {
  $("university-matches").replaceChildren(matches.length
    ? el("ul", {}, matches.map((m) => el("li", {},
        el("button", { type: "button", "data-university": m.id,
                       onclick: () => chooseUniversity(m.id, m.name) }, text(m.name)),
        " ", el("span", { class: "relation" }, text(m.context_name), " ", m.id))))
    : el("p", {}, w().no_match));
}

function chooseUniversity(id, name) {
  state.university = id;
  state.universityName = name;
  $("university-matches").replaceChildren();
  renderChosen();
  runFit();
}

function renderChosen() {
  const box = $("university-chosen");
  if (!state.university) {
    box.replaceChildren();
    return;
  }
  box.replaceChildren(w().chosen, " ", el("strong", {}, state.universityName ? text(state.universityName) : state.university),
    " ", el("button", { type: "button", id: "university-clear", onclick: () => {
      state.university = "";
      state.universityName = null;
      renderChosen();
      $("derived").replaceChildren();  // the ranking below stays until the next one
      writeState();
    } }, w().clear));
}

// ---- fit and explain ------------------------------------------------------------------------

function badge(kind, key, label) { return el("span", { class: "badge " + key }, label || key); }

function routeText(r) {
  if (!r.routes || !r.routes.length) return w().none;
  const route = r.routes.find((p) => p.ready) || r.routes[0];
  return (route.ready ? "✓ " : "△ ") + (w().routes[route.route] || route.route);
}

async function runFit() {
  readProfileForm();
  writeState();
  showError("fit-error", null);
  try {
    shown.fit = await api("fit", profileParams());
    renderDerived(shown.fit);
    renderRanking(shown.fit);
    if (state.program) await openProgram(state.program);
  } catch (error) {
    showError("fit-error", error);
  }
}

// What the model says of the picked university, each part with where it comes from; the form
// above only replaces or adds to it.
function renderDerived(doc) {
  const u = doc.university;
  if (!u) { $("derived").replaceChildren(); return; }
  const items = u.facts.map((f) => el("li", { class: f.used ? "used" : "unused" },
    f.used ? "✓ " : "· ", el("strong", {}, (w().parts && w().parts[f.part]) || f.part), " ",
    f.value ? (text(f.name) || f.value) : "", f.value ? " — " : "", text(f.text)));
  $("derived").replaceChildren(el("p", { class: "help" }, w().derived), el("ul", {}, items));
}

function renderRanking(doc) {
  const rows = doc.results.map((r, i) => el("tr", { class: r.id === state.program ? "open" : "" },
    el("td", { class: "num" }, i + 1),
    el("td", {}, el("button", { type: "button", "data-program": r.id,
                                onclick: () => openProgram(r.id) }, text(r.name))),
    el("td", {}, badge("eligibility", r.eligibility, w().eligibility[r.eligibility]), " ",
       routeText(r)),
    el("td", {}, badge("status", r.call.status, w().status[r.call.status])),
    el("td", { class: "num" }, fixed(r.score, 2))));
  $("ranking").replaceChildren(el("table", { id: "ranking-table" },
    el("thead", {}, el("tr", {}, ...["rank_h", "program", "standing", "call", "score"].map(
      (k) => el("th", {}, w()[k])))),
    el("tbody", {}, rows)));
}

async function openProgram(id) {
  state.program = id;
  writeState();
  const params = profileParams();
  params.delete("eligible-only");
  params.set("program", id);
  try {
    shown.explain = await api("explain", params);
    if (shown.fit) renderRanking(shown.fit);
    await renderExplanation(shown.explain);
    $("explanation").focus();
  } catch (error) {
    showError("fit-error", error);
  }
}

// The show document of a node, asked once: names and the sources of its edges.
function showNode(id) {
  if (!showCache.has(id)) showCache.set(id, api("show", new URLSearchParams({ id })));
  return showCache.get(id);
}

function quotes(sources) {
  return (sources || []).filter((s) => s.quote).map((s) =>
    el("blockquote", {}, "「" + s.quote + "」 ", el("cite", {}, s.section || s.title || s.document || "")));
}

// One path: each step with its relation and the quote of the source behind the edge.
async function pathView(path) {
  const out = el("div", { class: "path" });
  const first = await showNode(path.nodes[0]);
  out.append(el("div", {}, text(first.node.name), " ", el("span", { class: "relation" }, path.nodes[0])));
  for (let i = 0; i + 1 < path.nodes.length; i++) {
    const from = await showNode(path.nodes[i]);
    const direction = path.forward[i] ? "out" : "in";
    const edge = from.neighbors.find((n) => n.id === path.nodes[i + 1] &&
      n.relation === path.relations[i] && n.direction === direction);
    const arrow = path.forward[i] ? "→" : "←";
    out.append(el("div", {}, el("span", { class: "relation" }, `${arrow} ${path.relations[i]} ${arrow} `),
      edge ? text(edge.name) : path.nodes[i + 1], " ",
      el("span", { class: "relation" }, path.nodes[i + 1])));
    if (edge) out.append(...quotes(edge.sources));
  }
  return out;
}

function pictureUrl(id) {
  const params = profileParams();
  params.delete("eligible-only");
  params.set("program", id);
  params.set("lang", state.lang);
  return "/api/v1/explain.svg?" + params.toString();
}

async function renderExplanation(doc) {
  const r = doc.result;
  const box = $("explanation");
  const bar = el("div", { class: "scorebar", role: "img",
                          "aria-label": `${w().score} ${fixed(r.score, 3)}` });
  const criteria = [];
  r.criteria.forEach((c, i) => {
    const colour = PALETTE[i % PALETTE.length];
    if (c.contribution > 0) {
      bar.append(el("span", { style: { width: `${c.contribution * 100}%`, background: colour },
                              title: text(c.description) }));
    }
    criteria.push(el("div", { class: "criterion " + c.outcome },
      el("div", {}, el("i", { class: "swatch", style: { background: colour } }),
         " ", el("strong", {}, text(c.description)), " — ", w().outcome[c.outcome]),
      el("div", { class: "figures" },
         `${w().weight} ${fixed(c.weight, 3)} × ${w().strength} ${fixed(c.strength, 3)} → ` +
         `${w().contribution} ${fixed(c.contribution, 3)}`),
      text(c.how) ? el("div", { class: "figures" }, text(c.how)) : null,
      el("div", { class: "paths" })));
  });
  box.replaceChildren(
    el("h2", {}, text(r.name)),
    el("div", { class: "relation" }, r.id),
    el("p", {}, badge("eligibility", r.eligibility, w().eligibility[r.eligibility]), " ",
       badge("status", r.call.status, w().status[r.call.status]), " ", routeText(r), " — ",
       w().score, " ", el("strong", { id: "explained-score" }, fixed(r.score, 3))),
    r.reasons.length ? el("ul", {}, r.reasons.map((t) => el("li", {}, text(t)))) : null,
    el("h3", {}, w().criteria),
    r.criteria.length ? bar : el("p", {}, w().no_criteria),
    el("p", { class: "legend" }, w().score_note),
    ...criteria,
    el("h3", {}, w().eligibility_paths),
    el("div", { id: "eligibility-paths" }),
    el("h3", {}, w().picture),
    el("div", { class: "picture" },
       el("a", { href: pictureUrl(r.id), target: "_blank" },
          el("img", { src: pictureUrl(r.id), alt: w().picture + ": " + text(r.name) }))));
  // The paths need the show documents of their nodes: filled in as they arrive.
  const blocks = box.querySelectorAll(".criterion .paths");
  for (let i = 0; i < r.criteria.length; i++) {
    for (const p of r.criteria[i].paths) blocks[i].append(await pathView(p));
  }
  for (const p of r.paths) $("eligibility-paths").append(await pathView(p));
}

// ---- diagnose -------------------------------------------------------------------------------

async function runDiagnose() {
  state.dStage = $("diagnose-stage").value;
  state.dChallenge = $("diagnose-challenge").value;
  writeState();
  showError("diagnose-error", null);
  const params = new URLSearchParams();
  if (state.dStage) params.set("stage", state.dStage);
  if (state.dChallenge) params.set("challenge", state.dChallenge);
  try {
    shown.diagnose = await api("diagnose", params);
    renderDiagnosis(shown.diagnose);
  } catch (error) {
    showError("diagnose-error", error);
  }
}

function renderDiagnosis(doc) {
  if (!doc.results.length) {
    $("diagnosis").replaceChildren(el("p", {}, w().no_results));
    return;
  }
  $("diagnosis").replaceChildren(el("div", { class: "cards" }, doc.results.map((d) =>
    el("div", { class: "card" },
      el("h3", {}, text(d.name)),
      el("div", { class: "relation" }, d.id, d.stage_name ? " — " + text(d.stage_name) : ""),
      el("h4", {}, w().factors),
      el("ul", {}, d.factors.map((f) => el("li", {}, (f.label || "") + " " + text(f.name)))),
      (d.references || []).length ? el("h4", {}, w().cases) : null,
      el("ul", {}, (d.references || []).map((c) => el("li", {}, text(c.name) || c.id))),
      quotes(d.sources)))));
}

// ---- budget what-if -------------------------------------------------------------------------

async function loadBudget() {
  try {
    const doc = await api("simulate", new URLSearchParams({ program: WHATIF_PROGRAM, years: "1" }));
    const oku = doc.years[0].budget_jpy / 1e8;
    $("budget").value = oku;
    $("budget-range").value = oku;
  } catch (error) {
    showError("whatif-error", error);
  }
}

async function runWhatIf() {
  for (const key of ["years", "runs", "seed"]) state[key] = $(key).value;
  state.budget = $("budget").value;
  state.budgetFy = $("budget-fy").value;
  state.track = $("track").value || state.track;
  writeState();
  showError("whatif-error", null);
  const scenario = {
    schema: "kyoso.scenario/1",
    name: "budget-what-if",
    description: `${WHATIF_PROGRAM} budget ${state.budget}億円 from FY${state.budgetFy}`,
    edits: [{ op: "set", node: WHATIF_PROGRAM, path: `figures/budget@${state.budgetFy}/value`,
              value: Math.round(Number(state.budget) * 1e8) }],
  };
  const params = new URLSearchParams({ query: "simulate", program: WHATIF_PROGRAM,
                                       years: state.years });
  if (Number(state.runs) > 1) { params.set("runs", state.runs); params.set("seed", state.seed); }
  try {
    shown.whatif = await api("compare", params, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(scenario) });
    renderChart(shown.whatif);
  } catch (error) {
    showError("whatif-error", error);
  }
}

function renderChart(doc) {
  const tracks = doc.base.tracks;
  const select = $("track");
  if (!tracks.some((t) => t.id === state.track)) {
    state.track = tracks.reduce((a, b) => (b.initial_sites > a.initial_sites ? b : a)).id;
  }
  select.replaceChildren(...tracks.map((t) =>
    el("option", { value: t.id, selected: t.id === state.track }, text(t.name))));
  const series = (side) => side.years.map((y) => ({ fy: y.fiscal_year,
    q: y.active[state.track] || { p10: 0, p50: 0, p90: 0 } }));
  const base = series(doc.base), scenario = series(doc.scenario);
  const monteCarlo = Number(doc.base.parameters.runs || 1) > 1;
  const width = 880, height = 360, left = 56, right = 20, top = 34, bottom = 44;
  const years = base.map((p) => p.fy);
  const highest = Math.max(1, ...base.concat(scenario).map((p) => p.q.p90));
  // Ticks at 1, 2 or 5 times a power of ten, about five of them.
  const rough = highest / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough);
  const ticks = Math.ceil(highest / step);
  const top_value = ticks * step;
  const x = (fy) => left + (years.length > 1 ? (fy - years[0]) / (years[years.length - 1] - years[0]) : 0.5) * (width - left - right);
  const y = (v) => height - bottom - (v / top_value) * (height - top - bottom);
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", id: "whatif-chart",
                             "aria-label": `${w().sites}: ${w().base} / ${w().scenario}` });
  for (let i = 0; i <= ticks; i++) {
    const v = i * step;
    svg.append(svgEl("line", { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: "#e3e7ee" }),
      svgEl("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end" }, String(v)));
  }
  for (const fy of years) {
    svg.append(svgEl("text", { x: x(fy), y: height - bottom + 18, "text-anchor": "middle" },
                     state.lang === "ja" ? `R${fy - 2018}` : `FY${fy}`));
  }
  svg.append(svgEl("text", { x: 12, y: top - 14 }, w().sites),
    svgEl("text", { x: width - right, y: height - 6, "text-anchor": "end" }, w().fiscal_year));
  const sides = [[base, "#1f5fae", w().base], [scenario, "#c0392b", w().scenario]];
  for (const [points, colour] of sides) {
    if (monteCarlo) {
      const upper = points.map((p) => `${x(p.fy)},${y(p.q.p90)}`);
      const lower = points.slice().reverse().map((p) => `${x(p.fy)},${y(p.q.p10)}`);
      svg.append(svgEl("polygon", { points: upper.concat(lower).join(" "), fill: colour,
                                    "fill-opacity": "0.15", stroke: "none" }));
    }
    svg.append(svgEl("polyline", { points: points.map((p) => `${x(p.fy)},${y(p.q.p50)}`).join(" "),
                                   fill: "none", stroke: colour, "stroke-width": "2.5" }));
    for (const p of points) {
      svg.append(svgEl("circle", { cx: x(p.fy), cy: y(p.q.p50), r: 3, fill: colour }));
    }
  }
  const legend = el("p", { class: "legend" }, sides.map(([, colour, label]) => [
    el("i", { style: { background: colour } }), label]),
    monteCarlo ? ` — ${w().band} (${doc.base.parameters.runs} ${w().runs})` : "");
  const changed = [["base", doc.assumptions_changed.base], ["scenario", doc.assumptions_changed.scenario]]
    .flatMap(([side, list]) => (list || []).map((t) => el("li", {}, `${w()[side]}: ${text(t)}`)));
  $("chart").replaceChildren(el("h3", {}, text(doc.scenario.name), " — ",
                                tracks.find((t) => t.id === state.track) ? text(tracks.find((t) => t.id === state.track).name) : ""),
                             svg, legend, el("ul", {}, changed));
}

// ---- start ----------------------------------------------------------------------------------

function bind() {
  $("lang-ja").addEventListener("click", () => { state.lang = "ja"; writeState(); applyLang(); reloadPicture(); });
  $("lang-en").addEventListener("click", () => { state.lang = "en"; writeState(); applyLang(); reloadPicture(); });
  const tabs = [...document.querySelectorAll("[data-tab]")];
  tabs.forEach((button, i) => {
    button.addEventListener("click", () => selectTab(button.dataset.tab));
    button.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = tabs[(i + step + tabs.length) % tabs.length];
      selectTab(next.dataset.tab);
      next.focus();
    });
  });
  $("profile").addEventListener("submit", (event) => { event.preventDefault(); runFit(); });
  $("university-form").addEventListener("submit", (event) => { event.preventDefault(); findUniversity(); });
  $("diagnose-form").addEventListener("submit", (event) => { event.preventDefault(); runDiagnose(); });
  $("whatif-form").addEventListener("submit", (event) => { event.preventDefault(); runWhatIf(); });
  $("budget-range").addEventListener("input", () => { $("budget").value = $("budget-range").value; });
  $("budget").addEventListener("input", () => { $("budget-range").value = $("budget").value; });
  $("track").addEventListener("change", () => {
    state.track = $("track").value;
    writeState();
    if (shown.whatif) renderChart(shown.whatif);
  });
}

function reloadPicture() {
  const img = document.querySelector("#explanation img");
  if (img && state.program) {
    img.src = pictureUrl(state.program);
    img.parentElement.href = img.src;
  }
}

async function start() {
  bind();
  applyLang();
  choices = await api("choices");
  fillForms();
  if (state.university) {
    const shown = await api("show", new URLSearchParams({ id: state.university }));
    state.university = shown.node.id;
    state.universityName = shown.node.name;
    renderChosen();
  }
  selectTab(state.tab);
  if (hasCriteria()) await runFit();
  if (state.tab === "diagnose" && (state.dStage || state.dChallenge)) await runDiagnose();
  if (state.tab === "whatif" && state.budget) await runWhatIf();
}

start();
