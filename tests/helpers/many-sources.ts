import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";

/**
 * Source ids of mixed lengths, as researchers write them (the longest 28 characters); the first
 * two are the fixture's own, which its events cite.
 */
const names = [
  "news-report",
  "ministry-statement",
  "ministry-statement-transcript",
  "regional-daily-analysis",
  "cert",
  "unattributed-blog-repost",
  "state-broadcaster-bulletin",
  "vendor-telemetry",
];

/** Claims with long texts, as they come from real dossiers (one of 170 characters). */
const claimTexts = [
  "A distributed denial-of-service attack slowed the ministry's portal for about two hours on the morning of 4 May, according to the operator's own monitoring data.",
  "The attack was launched from addresses registered in three countries, none of them the country the government named in its first statement about the outage.",
  "The outage delayed the publication of the results.",
  "A group calling itself the Example Collective claimed the attack in a post that has since been deleted, together with screenshots whose metadata do not match the day.",
  "The portal's hosting provider switched on its web application firewall at 11:20, after which the traffic flood stopped within minutes, which the operator confirms.",
  "Personal data was taken.",
];

const stances = ["asserts", "disputes", "mentions"] as const;

/**
 * Rewrites the minimal fixture's incident (copied to `root`) to have `count` sources, each graded,
 * and six claims with long texts on which the sources take stances in a fixed pattern.
 */
export function writeManySources(root: string, count: number): void {
  const ids = Array.from({ length: count }, (_, index) => {
    const name = names[index % names.length] ?? "source";
    return index < names.length ? name : `${name}-${Math.floor(index / names.length) + 1}`;
  });
  const sources = ids.map((id, index) => ({
    id,
    title: `Source number ${index + 1}`,
    outlet: index % 2 === 0 ? "example-news" : "example-ministry",
    kind: index % 2 === 0 ? "news-report" : "official-statement",
    reliability: "ABCDEF"[index % 6],
    credibility: (index % 6) + 1,
    rationale: `Graded for the test of ${count} sources.`,
  }));
  const claims = claimTexts.map((text, claim) => ({
    id: `claim-${claim + 1}`,
    text,
    stances: Object.fromEntries(
      ids
        .filter((_, index) => (index + claim) % 3 !== 2)
        .map((id, index) => [id, stances[(index + claim) % stances.length]]),
    ),
  }));
  writeFileSync(
    join(root, "data/incidents/2020-example-ddos/sources.yaml"),
    stringify({ sources, claims }),
  );
}
