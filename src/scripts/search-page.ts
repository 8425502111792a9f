import { anchorOf, matchesTerms, prefixTerms } from "../lib/offline/search-matches.ts";

/** The part of Pagefind's browser API (`pagefind/pagefind.js`) the search page uses. */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  mergeIndex(url: string, options?: { baseUrl?: string }): Promise<void>;
  search(
    query: string | null,
    options?: { filters?: Filters },
  ): Promise<{ results: PagefindHit[] } | null>;
}

/** Filter values by filter name, as Pagefind takes them. */
type Filters = Record<string, { any: string[] }>;

/** One search result before its data is loaded: the page's id (its fragment's name). */
interface PagefindHit {
  id: string;
  data(): Promise<PagefindResult>;
}

/** One search result's data as Pagefind gives it. */
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
  content: string;
  locations: number[];
  anchors: { element: string; id: string; location: number }[];
}

/**
 * The results of the shards that matched the terms, in Pagefind's order: a shard whose index lacks
 * a term answers for a shorter word instead (see src/lib/offline/search-matches.ts). A shard is
 * kept when its best result matches each term by a word starting with it, or when an exact search
 * for the term (which Pagefind never widens) finds a page in it. Results whose shard is not known
 * are kept.
 */
async function matchingShards(
  pagefind: Pagefind,
  hits: PagefindHit[],
  terms: string[],
  filters: Filters,
): Promise<PagefindHit[]> {
  const pages = (globalThis as { casefileSearchPages?: Record<string, number> })
    .casefileSearchPages;
  if (pages === undefined || terms.length === 0) return hits;
  const shardOf = (hit: PagefindHit) => pages[hit.id];
  const exact = await Promise.all(
    terms.map(async (term) => {
      const search = await pagefind.search(`"${term}"`, { filters });
      return new Set((search?.results ?? []).map(shardOf));
    }),
  );
  const best = new Map<number, PagefindHit>();
  for (const hit of hits) {
    const shard = shardOf(hit);
    if (shard !== undefined && !best.has(shard)) best.set(shard, hit);
  }
  const kept = new Set<number>();
  await Promise.all(
    [...best].map(async ([shard, hit]) => {
      const data = await hit.data();
      const found = (term: string, i: number) =>
        exact[i]?.has(shard) === true || matchesTerms(data, [term]);
      if (terms.every(found)) kept.add(shard);
    }),
  );
  return hits.filter((hit) => {
    const shard = shardOf(hit);
    return shard === undefined || kept.has(shard);
  });
}

/**
 * Loads Pagefind through `pagefind/casefile-bridge.js` (written by src/integration/steps/search-index.ts): a
 * module script, because Vite's wrapper around `import()` breaks in Astro's inlined scripts. The
 * bridge also names the other indexes to merge (`casefileSearchShards`).
 */
function loadPagefind(base: string): Promise<Pagefind> {
  const holder = globalThis as { casefilePagefind?: Pagefind };
  if (holder.casefilePagefind) return Promise.resolve(holder.casefilePagefind);
  return new Promise((resolve, reject) => {
    addEventListener(
      "casefile:pagefind",
      () =>
        holder.casefilePagefind
          ? resolve(holder.casefilePagefind)
          : reject(new Error("no Pagefind")),
      { once: true },
    );
    const script = document.createElement("script");
    script.type = "module";
    script.src = `${base}pagefind/casefile-bridge.js`;
    script.addEventListener("error", () => reject(new Error(`could not load ${script.src}`)));
    document.head.append(script);
  });
}

/** How many results to show. */
const shown = 20;

/**
 * Rebuilds a Pagefind excerpt (escaped text with `<mark>` around matches) as DOM nodes, keeping
 * only text and `<mark>`, so that no markup from the index reaches the page.
 */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body.firstChild;
  return [...(parsed?.childNodes ?? [])].map((node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent ?? "");
    const mark = document.createElement("mark");
    mark.textContent = node.textContent;
    return mark;
  });
}

/** The filter values checked in the form, by filter name. */
function checkedFilters(form: HTMLFormElement): Filters {
  const filters: Filters = {};
  for (const box of form.querySelectorAll<HTMLInputElement>(
    "input[type=checkbox][data-filter]:checked",
  )) {
    const name = box.dataset["filter"] ?? box.name;
    (filters[name] ??= { any: [] }).any.push(box.value);
  }
  return filters;
}

/** Sets the form from `?q=…&country=…` so that the header's search box and shared links work. */
function restoreForm(form: HTMLFormElement, params: URLSearchParams): void {
  const input = form.querySelector<HTMLInputElement>("input[name=q]");
  if (input) input.value = params.get("q") ?? "";
  for (const box of form.querySelectorAll<HTMLInputElement>("input[type=checkbox][data-filter]")) {
    box.checked = params.getAll(box.name).includes(box.value);
  }
}

/**
 * Enhancement of the search page: loads Pagefind from the site, reveals the form and shows
 * results as the reader types. Without JavaScript the page lists every incident instead; opened
 * from disk, it says that search needs a web server.
 */
export async function enhanceSearchPage(root: Document, base: string): Promise<void> {
  const form = root.querySelector<HTMLFormElement>("form[data-search-form]");
  const note = root.querySelector<HTMLElement>("[data-search-note]");
  const status = root.querySelector<HTMLElement>("[data-search-status]");
  const list = root.querySelector<HTMLOListElement>("[data-search-results]");
  if (!form || !note || !status || !list) return;
  // Opened from disk, src/scripts/search-note.ts has explained why there is no search.
  if (!/^https?:$/.test(location.protocol)) return;
  let pagefind: Pagefind;
  try {
    pagefind = await loadPagefind(base);
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
    // The index is split in shards (src/integration/steps/search-index.ts): the others join the first.
    const shards = (globalThis as { casefileSearchShards?: string[] }).casefileSearchShards ?? [];
    for (const shard of shards)
      await pagefind.mergeIndex(`${base}pagefind/${shard}/`, { baseUrl: base });
  } catch (error) {
    console.error("Casefile search:", error);
    note.textContent = "The search index could not be loaded. Every incident is listed below.";
    return;
  }
  note.hidden = true;
  form.hidden = false;
  const input = form.querySelector<HTMLInputElement>("input[name=q]");
  let latest = 0;
  const run = async () => {
    const query = input?.value.trim() ?? "";
    const filters = checkedFilters(form);
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form))
      if (typeof value === "string" && value !== "") params.append(name, value);
    history.replaceState(null, "", `${location.pathname}${params.toString() ? `?${params}` : ""}`);
    const ticket = ++latest;
    if (query === "" && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    const search = await pagefind.search(query === "" ? null : query, { filters });
    const hits = await matchingShards(pagefind, search?.results ?? [], prefixTerms(query), filters);
    const results = await Promise.all(hits.slice(0, shown).map((hit) => hit.data()));
    if (ticket !== latest) return;
    // Nodes go through a fragment, not spread into arguments (which overflow on long lists).
    const items = document.createDocumentFragment();
    for (const result of results) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      // To the paragraph (or row, or section) of the first match: the incident page opens the
      // <details> around it (browsers reveal a fragment's target; src/scripts/open-target.ts).
      const anchor = anchorOf(result.anchors, result.locations);
      link.href = anchor === undefined ? result.url : `${result.url}#${anchor}`;
      link.textContent = result.meta.title ?? result.url;
      const excerpt = document.createElement("p");
      for (const node of excerptNodes(result.excerpt)) excerpt.append(node);
      item.append(link, excerpt);
      items.append(item);
    }
    list.replaceChildren(items);
    const total = hits.length;
    status.textContent =
      total === 0
        ? "No pages match."
        : `${total} ${total === 1 ? "page matches" : "pages match"}${total > shown ? `; the first ${shown} are shown` : ""}.`;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 200);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run();
  });
  restoreForm(form, new URLSearchParams(location.search));
  await run();
}
