import { describe, expect, it } from "vitest";
import { processCaptures } from "../../../src/lib/archive/index.ts";
import { archiveInMemory } from "../../../src/lib/content/archive-store.ts";
import { cacheKeys, type CacheKeyInput } from "../../../src/lib/content/cache-keys.ts";
import { readCaptures } from "../../../src/lib/content/captures.ts";
import { loadSiteData } from "../../../src/lib/content/load.ts";
import { minimalSite } from "../../helpers/site-copy.ts";

const site = loadSiteData(minimalSite);
const archive = processCaptures(readCaptures(minimalSite));
const incident = "2020-example-ddos";
/** A second incident with no sources, events or data files: nothing the first one shows. */
const other = "2021-other-incident";

/** The minimal site plus `other`, a fresh copy each time, so that each case can change it. */
function input(): CacheKeyInput {
  const data = structuredClone(site);
  const first = data.incidents[0]!;
  data.incidents.push({
    ...structuredClone(first),
    id: other,
    file: `content/incidents/${other}.mdx`,
  });
  const files: Record<string, { name: string; bytes: Uint8Array }[]> = {
    [incident]: [{ name: "requests.csv", bytes: new TextEncoder().encode("day,requests\n1,10\n") }],
  };
  return {
    site: data,
    archive: archiveInMemory(structuredClone(archive)),
    settings: { url: "https://example.org", base: "/", config: { title: "Casefile" } },
    writeUps: new Map([
      [incident, "write-up-1"],
      [other, "write-up-2"],
    ]),
    dataFiles: (id) => files[id] ?? [],
  };
}

/** Every key of both incidents and of the outlets, after `change` (if any) to a fresh input. */
function keysAfter(change?: (input: CacheKeyInput) => CacheKeyInput | undefined) {
  const fresh = input();
  const keys = cacheKeys(change?.(fresh) ?? fresh);
  const of = (id: string) => ({
    citation: keys.citation(id),
    incidentData: keys.incidentData(id),
    incidentPage: keys.incidentPage(id),
  });
  return {
    [incident]: of(incident),
    [other]: of(other),
    outlets: { news: keys.outlet("example-news"), ministry: keys.outlet("example-ministry") },
  };
}

const before = keysAfter();

/** Names of the keys that differ from `before`, as `<group>.<key>`. */
function changed(after: ReturnType<typeof keysAfter>): string[] {
  return Object.entries(after).flatMap(([group, keys]) =>
    Object.entries(keys)
      .filter(
        ([name, key]) => (before as Record<string, Record<string, string>>)[group]?.[name] !== key,
      )
      .map(([name]) => `${group}.${name}`),
  );
}

describe("cacheKeys", () => {
  it("gives the same keys for the same input, whatever the order of object keys", () => {
    expect(keysAfter()).toEqual(before);
    const reordered = keysAfter((fresh) => {
      const first = fresh.site.incidents[0]!;
      first.data = Object.fromEntries(Object.entries(first.data).reverse()) as typeof first.data;
    });
    expect(changed(reordered)).toEqual([]);
    expect(before[incident].incidentPage).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps the kinds of pages apart", () => {
    const all = [...Object.values(before[incident]), ...Object.values(before[other])];
    expect(new Set(all).size).toBe(all.length);
  });

  it("changes only the incident page when only its write-up changes", () => {
    const after = keysAfter((fresh) => ({
      ...fresh,
      writeUps: new Map([...fresh.writeUps, [incident, "write-up-1, edited"]]),
    }));
    expect(changed(after)).toEqual([`${incident}.incidentPage`]);
  });

  it("changes every page of an incident, and the outlet pages listing it, when its frontmatter changes", () => {
    const after = keysAfter((fresh) => {
      fresh.site.incidents[0]!.data.title = "A new title";
    });
    expect(changed(after)).toEqual([
      `${incident}.citation`,
      `${incident}.incidentData`,
      `${incident}.incidentPage`,
      "outlets.news",
      "outlets.ministry",
    ]);
  });

  it("changes the incident page when a data file changes", () => {
    const after = keysAfter((fresh) => ({
      ...fresh,
      dataFiles: (id) =>
        id === incident
          ? [{ name: "requests.csv", bytes: new TextEncoder().encode("day,requests\n1,11\n") }]
          : [],
    }));
    expect(changed(after)).toEqual([`${incident}.incidentPage`]);
  });

  it("changes the incident's pages when a capture's bytes change but its text does not", () => {
    const after = keysAfter((fresh) => {
      const changedArchive = structuredClone(archive);
      changedArchive.files[0]!.provenance.sha256 = "0".repeat(64);
      return { ...fresh, archive: archiveInMemory(changedArchive) };
    });
    expect(changed(after)).toEqual([
      `${incident}.incidentData`,
      `${incident}.incidentPage`,
      "outlets.news",
      "outlets.ministry",
    ]);
  });

  it("changes the pages showing an outlet when its name changes, and only those", () => {
    const after = keysAfter((fresh) => {
      fresh.site.outlets.find((outlet) => outlet.id === "example-news")!.name = "Renamed News";
    });
    expect(changed(after)).toEqual([
      `${incident}.incidentData`,
      `${incident}.incidentPage`,
      "outlets.news",
      // The ministry's page lists the incident's grades, which the news outlet's default shapes.
      "outlets.ministry",
    ]);
  });

  it("changes the incident's pages when a source, a claim or an event changes", () => {
    const sources = keysAfter((fresh) => {
      fresh.site.sources.get(incident)!.sources[0]!.credibility = 2;
    });
    expect(changed(sources)).toContain(`${incident}.incidentData`);
    expect(changed(sources)).toContain(`${incident}.incidentPage`);
    expect(changed(sources)).not.toContain(`${other}.incidentPage`);
    const events = keysAfter((fresh) => {
      fresh.site.events.get(incident)![0]!.label = "Another label";
    });
    expect(changed(events)).toContain(`${incident}.incidentData`);
    expect(changed(events)).not.toContain(`${incident}.citation`);
  });

  it("changes the incident's pages when the text of its captures changes, not another's", () => {
    const after = keysAfter((fresh) => {
      const { documents } = fresh.archive.part([]);
      const document = documents[0]!;
      documents[0] = JSON.parse(
        JSON.stringify(document).replace(/"text":"([^"]*)"/, '"text":"$1 (edited)"'),
      ) as typeof document;
    });
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
    expect(changed(after)).toEqual([
      `${incident}.incidentData`,
      `${incident}.incidentPage`,
      "outlets.news",
      "outlets.ministry",
    ]);
  });

  it("changes every page but the data files when the site URL, base path or configuration changes", () => {
    for (const settings of [
      { url: "https://example.com", base: "/", config: { title: "Casefile" } },
      { url: "https://example.org", base: "/casefile/", config: { title: "Casefile" } },
      { url: "https://example.org", base: "/", config: { title: "Casefile", publisher: "Lab" } },
    ]) {
      const after = keysAfter((fresh) => ({ ...fresh, settings }));
      expect(changed(after)).toEqual([
        `${incident}.citation`,
        `${incident}.incidentData`,
        `${incident}.incidentPage`,
        `${other}.citation`,
        `${other}.incidentData`,
        `${other}.incidentPage`,
        "outlets.news",
        "outlets.ministry",
      ]);
    }
  });

  it("refuses ids it does not know", () => {
    const keys = cacheKeys(input());
    expect(() => keys.incidentPage("no-such-incident")).toThrow(/unknown incident/);
  });
});
