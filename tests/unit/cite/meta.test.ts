import { describe, expect, it } from "vitest";
import { citationMeta, jsonLd, jsonLdScript } from "../../../src/lib/cite/meta.ts";
import { input } from "./sample.ts";

const title = "DDoS on the CNE results site </script>";
const summary = input.incident.summary;
const url = input.url;

describe("citationMeta", () => {
  it("lists Highwire, Dublin Core and Open Graph tags in a fixed order", () => {
    expect(citationMeta({ ...input, siteName: "Casefile" })).toEqual([
      { name: "citation_title", content: title },
      { name: "citation_author", content: "Pérez, Ana María" },
      { name: "citation_author", content: "van der Berg, Jan" },
      { name: "citation_author", content: "Digital Forensic Lab," },
      { name: "citation_publication_date", content: "2024/07/30" },
      { name: "citation_online_date", content: "2024/07/30" },
      { name: "citation_technical_report_institution", content: "Casefile Research" },
      { name: "citation_technical_report_number", content: "CF-2024-07" },
      { name: "citation_fulltext_html_url", content: url },
      { name: "DC.title", content: title },
      { name: "DC.creator", content: "Pérez, Ana María" },
      { name: "DC.creator", content: "van der Berg, Jan" },
      { name: "DC.creator", content: "Digital Forensic Lab" },
      { name: "DC.date", content: "2024-07-30" },
      { name: "DC.publisher", content: "Casefile Research" },
      { name: "DC.identifier", content: url },
      { name: "DC.type", content: "Incident dossier" },
      { name: "DC.language", content: "en" },
      { property: "og:title", content: title },
      { property: "og:type", content: "article" },
      { property: "og:url", content: url },
      { property: "og:description", content: summary },
      { property: "og:site_name", content: "Casefile" },
      { property: "article:published_time", content: "2024-07-30" },
      { property: "article:modified_time", content: "2024-08-15" },
    ]);
  });

  it("leaves out the report number when none is configured and defaults the site name", () => {
    const tags = citationMeta({ ...input, reportNumber: undefined, language: "es" });
    expect(tags.some((tag) => tag.name === "citation_technical_report_number")).toBe(false);
    expect(tags.find((tag) => tag.property === "og:site_name")?.content).toBe("Casefile Research");
    expect(tags.find((tag) => tag.name === "DC.language")?.content).toBe("es");
    expect(tags).toHaveLength(24);
  });
});

describe("jsonLd", () => {
  it("describes the incident as a schema.org Report", () => {
    expect(jsonLd(input)).toEqual({
      "@context": "https://schema.org",
      "@type": "Report",
      "@id": url,
      url,
      name: title,
      headline: title,
      description: summary,
      inLanguage: "en",
      author: [
        { "@type": "Person", name: "Ana María Pérez", givenName: "Ana María", familyName: "Pérez" },
        {
          "@type": "Person",
          name: "Jan van der Berg",
          givenName: "Jan",
          familyName: "van der Berg",
        },
        { "@type": "Organization", name: "Digital Forensic Lab" },
      ],
      publisher: { "@type": "Organization", name: "Casefile Research" },
      datePublished: "2024-07-30",
      dateModified: "2024-08-15",
      version: "2024-08-15",
      keywords: ["elections", "ddos"],
      spatialCoverage: [{ "@type": "Country", name: "Venezuela", identifier: "VE" }],
      about: [
        { "@type": "DefinedTerm", name: "Distributed denial of service", termCode: "ddos" },
        { "@type": "DefinedTerm", name: "Disinformation", termCode: "disinformation" },
        { "@type": "Organization", name: "Consejo Nacional Electoral" },
        { "@type": "Organization", name: "Results portal" },
      ],
      reportNumber: "CF-2024-07",
    });
  });
});

describe("jsonLdScript", () => {
  it("escapes <, > and & so a title cannot close the script element", () => {
    const text = jsonLdScript({ name: "a </script><!-- & b", line: "x\u2028y" });
    expect(text).toBe('{"name":"a \\u003c/script\\u003e\\u003c!-- \\u0026 b","line":"x\\u2028y"}');
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ name: "a </script><!-- & b", line: "x\u2028y" });
  });

  it("serialises the incident's Report so that it parses back unchanged", () => {
    const node = jsonLd(input);
    const text = jsonLdScript(node);
    expect(text).not.toContain("</script>");
    expect(JSON.parse(text)).toEqual(node);
  });
});
