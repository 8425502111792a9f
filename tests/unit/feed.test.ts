import { getRssString } from "@astrojs/rss";
import { describe, expect, it } from "vitest";
import { incidentFeed } from "../../src/lib/feed.ts";
import { input } from "./cite/sample.ts";

const feed = await getRssString(
  incidentFeed({
    title: "Casefile & friends",
    description: "Incident dossiers.",
    site: "https://casefile.example/",
    self: "https://casefile.example/feed.xml",
    incidents: [
      {
        data: {
          ...input.incident,
          authors: [{ group: "Casefile <sample> team" }, "Pérez González, Ana María"],
        },
        url: input.url,
      },
    ],
  }),
);

describe("the incident feed", () => {
  it("is the RSS 2.0 document pinned here, with a self link and a dc:creator per author", () => {
    expect(feed).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        "<channel><title>Casefile &amp; friends</title><description>Incident dossiers.</description>" +
        "<link>https://casefile.example/</link>" +
        '<atom:link href="https://casefile.example/feed.xml" rel="self" type="application/rss+xml"/>' +
        "<item><title>DDoS on the CNE results site &lt;/script&gt;</title>" +
        `<link>${input.url}</link><guid isPermaLink="true">${input.url}</guid>` +
        "<description>The electoral authority&apos;s results site went down on election night; officials blamed a foreign attack.</description>" +
        "<pubDate>Tue, 30 Jul 2024 00:00:00 GMT</pubDate>" +
        "<dc:creator>Casefile &lt;sample&gt; team</dc:creator>" +
        "<dc:creator>Ana María Pérez González</dc:creator>" +
        "<category>ddos</category><category>disinformation</category><category>VE</category>" +
        "</item></channel></rss>",
    );
  });

  it("names no author in <author>, which RSS 2.0 keeps for e-mail addresses", () => {
    expect(feed).not.toContain("<author>");
  });

  it("names the site's language, licence and publisher in the channel", async () => {
    const licensed = await getRssString(
      incidentFeed({
        title: "Election Watch Lab",
        description: "Incident dossiers.",
        site: "https://ewlab.example/",
        self: "https://ewlab.example/feed.xml",
        publisher: "Election Watch Lab & Universidad X",
        language: "es",
        license: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
        incidents: [],
      }),
    );
    expect(licensed).toContain(
      '<atom:link href="https://ewlab.example/feed.xml" rel="self" type="application/rss+xml"/>' +
        "<language>es</language>" +
        "<copyright>CC BY 4.0: https://creativecommons.org/licenses/by/4.0/</copyright>" +
        "<dc:publisher>Election Watch Lab &amp; Universidad X</dc:publisher>",
    );
  });
});
