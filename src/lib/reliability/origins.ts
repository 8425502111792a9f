/**
 * Independent origins. Five articles are not five confirmations when four of them copy the first,
 * report its findings, or answer to the same government: sources are joined into one origin group
 * when one declares that it depends on another (`republished_from`, `based_on`, `translated_from`),
 * when their outlets declare one `affiliation`, or when the archive engine found their captures to
 * be copies of one syndicated article. Groups are the connected components (union-find); every
 * link that joined a group is kept as its reason, so that a reader can check each merge.
 */
import type { Outlet } from "../../schemas/outlet.ts";
import type { Source } from "../../schemas/sources.ts";

/** One syndicated document from the archive engine: the sources whose captures are copies of it. */
export interface Syndication {
  /** The archive engine's document id ("d-…"). */
  documentId: string;
  /** Ids of the sources whose captures hold a copy. */
  sources: string[];
}

/** A dependence a source declares on another source of its incident. */
export interface DeclaredLink {
  /** The field that declares it. */
  kind: "republished_from" | "based_on" | "translated_from";
  /** Where it is declared in the source, e.g. `["based_on", 0]`. */
  path: (string | number)[];
  /** The source it depends on. */
  to: string;
}

/** The dependences a source declares, in field order. */
export function declaredLinks(source: Source): DeclaredLink[] {
  return [
    ...(source.republished_from === undefined
      ? []
      : [
          {
            kind: "republished_from" as const,
            path: ["republished_from"],
            to: source.republished_from,
          },
        ]),
    ...source.based_on.map((to, index) => ({
      kind: "based_on" as const,
      path: ["based_on", index],
      to,
    })),
    ...(source.translated_from === undefined
      ? []
      : [
          {
            kind: "translated_from" as const,
            path: ["translated_from"],
            to: source.translated_from,
          },
        ]),
  ];
}

/** Why two sources belong to one origin. */
export interface OriginReason {
  /**
   * A dependence the researchers declared (`republished_from`, `based_on`, `translated_from`), a
   * controlling party the outlets share (`affiliation`), or copies of one article found by the
   * archive engine (`same-article`).
   */
  kind: DeclaredLink["kind"] | "affiliation" | "same-article";
  /** The dependent source, or the first of the linked sources in file order. */
  from: string;
  /** The source depended on, or another linked source. */
  to: string;
  /** The archive engine's document id, for same-article links. */
  document?: string;
  /** The shared affiliation, for affiliation links. */
  affiliation?: string;
}

/** Sources that all trace back to one origin. */
export interface OriginGroup {
  /** Stable id: "origin-" + the id of its original (see `originalOf`). */
  id: string;
  /** Member source ids, in source-file order. */
  sources: string[];
  /** Distinct outlet ids of the members, in order of first appearance. */
  outlets: string[];
  /** The links that joined the members; empty for a source on its own. */
  reasons: OriginReason[];
}

/** Every origin group, and the group of each source. */
export interface Origins {
  /** Groups, ordered by their first member's place in the source file. */
  groups: OriginGroup[];
  /** Source id → origin group id. */
  originOf: Map<string, string>;
  /**
   * Source id → the origin groups its information comes from: its own group, or, for a group whose
   * original is based on several sources, the groups of those sources (see `findOrigins`).
   */
  tracesTo: Map<string, string[]>;
}

/**
 * Groups sources into independent origins; links naming unknown sources are ignored (a lint
 * reports them). `outlets` gives the affiliations; an outlet missing from it has none.
 */
export function findOrigins(
  sources: readonly Source[],
  syndication: readonly Syndication[],
  outlets: ReadonlyMap<string, Outlet> = new Map(),
): Origins {
  const order = new Map<string, number>();
  const byId = new Map<string, Source>();
  sources.forEach((source, index) => {
    if (!order.has(source.id)) {
      order.set(source.id, index);
      byId.set(source.id, source);
    }
  });
  const parent = new Map<string, string>([...order.keys()].map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    for (let node = id; node !== root;) {
      const next = parent.get(node) ?? root;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const [rootA, rootB] = [find(a), find(b)];
    // The root is the member earlier in the file, so that the result does not depend on link order.
    if (rootA !== rootB) {
      if ((order.get(rootA) ?? 0) <= (order.get(rootB) ?? 0)) parent.set(rootB, rootA);
      else parent.set(rootA, rootB);
    }
  };

  const reasons: OriginReason[] = [];
  // A source based on several others relays several origins: joining it to each would make them
  // one. It stays apart, and its claims count the origins it draws on (`tracesTo`).
  const relays = new Map<string, string[]>();
  for (const source of byId.values()) {
    const links = declaredLinks(source).filter(
      (link) => link.to !== source.id && byId.has(link.to),
    );
    const bases = links.filter((link) => link.kind === "based_on");
    if (bases.length > 1) relays.set(source.id, [...new Set(bases.map((link) => link.to))]);
    for (const link of links) {
      if (!(link.kind === "based_on" && bases.length > 1)) union(source.id, link.to);
      reasons.push({ kind: link.kind, from: source.id, to: link.to });
    }
  }
  const firstOfAffiliation = new Map<string, string>();
  for (const source of byId.values()) {
    const affiliation = outlets.get(source.outlet)?.affiliation;
    if (affiliation === undefined) continue;
    const first = firstOfAffiliation.get(affiliation);
    if (first === undefined) firstOfAffiliation.set(affiliation, source.id);
    else {
      union(first, source.id);
      reasons.push({ kind: "affiliation", from: first, to: source.id, affiliation });
    }
  }
  const documents = [...syndication].sort((a, b) => compareText(a.documentId, b.documentId));
  for (const document of documents) {
    const copies = [...new Set(document.sources)]
      .filter((id) => byId.has(id))
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const [first, ...others] = copies;
    if (first === undefined) continue;
    for (const other of others) {
      union(first, other);
      reasons.push({ kind: "same-article", from: first, to: other, document: document.documentId });
    }
  }

  const members = new Map<string, Source[]>();
  for (const source of byId.values()) {
    const root = find(source.id);
    members.set(root, [...(members.get(root) ?? []), source]);
  }
  const originOf = new Map<string, string>();
  const groups = [...members.values()].map((group): OriginGroup => {
    const id = `origin-${originalOf(group).id}`;
    const ids = new Set(group.map((source) => source.id));
    for (const member of ids) originOf.set(member, id);
    return {
      id,
      sources: [...ids],
      outlets: [...new Set(group.map((source) => source.outlet))],
      reasons: reasons.filter((reason) => ids.has(reason.from)),
    };
  });
  return { groups, originOf, tracesTo: tracesOf(groups, originOf, relays) };
}

/**
 * The origins each source's information comes from. A group traces to itself, unless a member is
 * a relay of several sources, in which case it traces to the origins those sources trace to (a
 * cycle of relays traces to the groups in it).
 */
function tracesOf(
  groups: readonly OriginGroup[],
  originOf: ReadonlyMap<string, string>,
  relays: ReadonlyMap<string, readonly string[]>,
): Map<string, string[]> {
  const members = new Map(groups.map((group) => [group.id, group.sources]));
  const memo = new Map<string, string[]>();
  const traces = (group: string, visiting: Set<string>): string[] => {
    const known = memo.get(group);
    if (known) return known;
    const bases = (members.get(group) ?? []).flatMap((id) => relays.get(id) ?? []);
    if (bases.length === 0 || visiting.has(group)) return [group];
    visiting.add(group);
    const found = [
      ...new Set(bases.flatMap((base) => traces(originOf.get(base) ?? group, visiting))),
    ];
    visiting.delete(group);
    memo.set(group, found);
    return found;
  };
  return new Map(
    [...originOf].map(([source, group]) => [source, traces(group, new Set())] as const),
  );
}

/**
 * The member that names the group: one that depends on no other member, then the earliest
 * published (undated last), then the first in the file. Members are in file order and non-empty.
 */
function originalOf(members: readonly Source[]): Source {
  const ids = new Set(members.map((source) => source.id));
  const roots = members.filter((source) =>
    declaredLinks(source).every((link) => link.to === source.id || !ids.has(link.to)),
  );
  // A cycle of dependences leaves no root; then every member is a candidate.
  const candidates = roots.length > 0 ? roots : members;
  const dated = candidates.filter((source) => source.published !== undefined);
  const earliest = dated.reduce<Source | undefined>(
    (best, source) =>
      best === undefined || compareText(source.published ?? "", best.published ?? "") < 0
        ? source
        : best,
    undefined,
  );
  const original = earliest ?? candidates[0];
  if (original === undefined) throw new Error("originalOf needs at least one member");
  return original;
}

/** Compares by code units, so that the order never depends on the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One step of a dependency path: the link followed, in the reader's words, and the source reached. */
interface PathStep {
  /** The link, read from the source before to the source reached ("based on", "republished by"…). */
  link: string;
  /** The source reached. */
  to: string;
}

/** How one source's information reaches an origin: the links from it to the origin's original. */
export interface DependencyPath {
  /** The source. */
  source: string;
  /** The origin group reached. */
  origin: string;
  /** Links followed, in order; empty for the original itself. */
  steps: PathStep[];
  /** "unattributed-write-up → based on → team-cymru-analysis". */
  text: string;
}

/** A link read in the direction it was declared (from → to), and the other way. */
function linkWords(reason: OriginReason): [string, string] {
  switch (reason.kind) {
    case "republished_from":
      return ["republishes", "republished by"];
    case "based_on":
      return ["based on", "basis of"];
    case "translated_from":
      return ["translation of", "translated by"];
    case "affiliation": {
      const words = `same affiliation (${reason.affiliation ?? ""})`;
      return [words, words];
    }
    // The document's id is internal (the source texts name the article by its title).
    case "same-article":
      return ["same article as", "same article as"];
  }
}

/**
 * The shortest chain of merge reasons from a source to the original of an origin group (the
 * member whose id names it), following declared links either way; a source with no chain is
 * given on its own. Ties go to the reasons listed first, so the path is stable.
 */
export function dependencyPath(
  reasons: readonly OriginReason[],
  source: string,
  origin: string,
): DependencyPath {
  const target = origin.startsWith("origin-") ? origin.slice("origin-".length) : origin;
  const previous = new Map<string, { from: string; step: PathStep }>();
  const queue = [source];
  const seen = new Set([source]);
  for (let i = 0; i < queue.length && !seen.has(target); i++) {
    const at = queue[i]!;
    for (const reason of reasons) {
      const [forward, backward] = linkWords(reason);
      const next =
        reason.from === at
          ? { to: reason.to, link: forward }
          : reason.to === at
            ? { to: reason.from, link: backward }
            : undefined;
      if (!next || seen.has(next.to)) continue;
      seen.add(next.to);
      previous.set(next.to, { from: at, step: next });
      queue.push(next.to);
    }
  }
  const steps: PathStep[] = [];
  for (let at = target; previous.has(at);) {
    const { from, step } = previous.get(at)!;
    steps.unshift(step);
    at = from;
  }
  const found = seen.has(target) ? steps : [];
  return {
    source,
    origin,
    steps: found,
    text: [source, ...found.flatMap((step) => [step.link, step.to])].join(" → "),
  };
}

/** Whether a merge reason was declared by the researchers or detected in the captures. */
export function reasonEvidence(reason: OriginReason): string {
  return reason.kind === "same-article"
    ? "detected: the archive engine found copies of one article"
    : reason.kind === "affiliation"
      ? "declared by the researchers in the outlets list"
      : `declared by the researchers (${reason.kind} in sources.yaml)`;
}
