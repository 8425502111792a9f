import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { processCaptures } from "../../../src/lib/archive/index.ts";
import { anchorsOf, likelyTranslations } from "../../../src/lib/dossier/translations.ts";
import { dependencyPath, findOrigins } from "../../../src/lib/reliability/origins.ts";
import { source } from "../reliability/fixtures.ts";

// An article, its translation, and an independent report of the same event: all three written for
// this test. The report shares most names and numbers, but in another order.
const spanish = `El Tribunal Supremo Electoral denuncia una intrusión desde el exterior

El Tribunal Supremo Electoral (TSE) de Bolivia informó este martes 9 de marzo que el dominio oep.org.bo sufrió una intrusión informática desde el exterior a las 17:45, mientras publicaba el conteo de las elecciones subnacionales.

Según el comunicado, la página de resultados en tiempo real siguió en línea y el Órgano Electoral Plurinacional activó el modo de ataque de su cortafuegos de aplicaciones web.

El TSE aseguró que el cómputo oficial no fue afectado. Más de 7.000.000 de bolivianos votaron el domingo 7 de marzo para elegir gobernadores, alcaldes y concejales.

El presidente del TSE, Salvador Romero, pidió calma y dijo que el organismo presentará una denuncia ante la Fiscalía.`;

const english = `Bolivia's Supreme Electoral Tribunal reports an intrusion from abroad

Bolivia's Supreme Electoral Tribunal (TSE) said on Tuesday, 9 March, that the domain oep.org.bo suffered a computer intrusion from abroad at 17:45, while it was publishing the count of the subnational elections.

According to the statement, the real-time results page stayed online and the Plurinational Electoral Organ switched its web application firewall to attack mode.

The TSE said the official count was not affected. More than 7,000,000 Bolivians voted on Sunday, 7 March, to choose governors, mayors and councillors.

The head of the TSE, Salvador Romero, called for calm and said the body will file a complaint with the prosecutor's office.`;

const independent = `Count goes on after attack claim in Bolivia

Salvador Romero, who heads the TSE, told reporters that more than 7,000,000 people voted on 7 March and that nothing in the count had changed.

Observers noted that oep.org.bo was reachable throughout the evening. The TSE has not said which country the intrusion came from, only that it was detected at 17:45 on 9 March.

Opposition parties in Bolivia asked the TSE to publish its logs.`;

/** The archive's documents for the three texts, in this order. */
function documents() {
  const encode = (text: string) => new TextEncoder().encode(`${text}\n`);
  const archive = processCaptures([
    { file: "data/archives/test/es.txt", bytes: encode(spanish) },
    { file: "data/archives/test/en.txt", bytes: encode(english) },
    { file: "data/archives/test/other.txt", bytes: encode(independent) },
  ]);
  const byFile = (file: string) =>
    archive.documents.find((document) => document.copies[0]?.file === file)!;
  return ["es", "en", "other"].map((name) => byFile(`data/archives/test/${name}.txt`));
}

describe("anchorsOf", () => {
  it("keeps numbers without separators, handles, hosts and names not at a sentence's start, in text order", () => {
    expect(
      anchorsOf(
        "Más de 7.000.000 votaron, según @tse_bo y oep.org.bo. El TSE de Bolivia, dijo Romero.",
      ),
    ).toEqual(["#7000000", "@tse_bo", "@oep.org.bo", "tse", "bolivia", "romero"]);
  });
});

describe("likelyTranslations", () => {
  it("pairs an article with its translation, not with another report of the same event", () => {
    const [es, en, other] = documents();
    const pairs = likelyTranslations([es!, en!, other!]);
    expect(pairs.map((pair) => [pair.a, pair.b])).toEqual([[es!.id, en!.id]]);
    expect(pairs[0]!.containment).toBeCloseTo(17 / 25);
  });

  it("reads a month's name in either language as the same anchor", () => {
    expect(anchorsOf("on 9 March and 7 de marzo")).toEqual(["#9", "#month-3", "#7", "#month-3"]);
  });
});

describe("the sample Spanish/English pair", () => {
  const files = [
    "data/archives/2021-bolivia/telesur-es-oep-intrusion.txt",
    "data/archives/2021-bolivia/telesur-oep-intrusion.txt",
  ];
  // The samples may be removed from a site; the fixtures of this file test the rule itself.
  it.skipIf(!files.every((file) => existsSync(file)))(
    "finds teleSUR's English article to be a translation of its Spanish original, and the declared link reads 'translation of'",
    () => {
      const archive = processCaptures(files.map((file) => ({ file, bytes: readFileSync(file) })));
      expect(archive.documents).toHaveLength(2);
      const [spanishDocument, englishDocument] = files.map((file) =>
        archive.documents.find((d) => d.copies.some((copy) => copy.file === file))!,
      );
      const [pair] = likelyTranslations(archive.documents);
      expect([pair?.a, pair?.b].sort()).toEqual([spanishDocument!.id, englishDocument!.id].sort());
      const sources = [
        source("telesur-es-oep-intrusion", "telesur"),
        source("telesur-oep-intrusion", "telesur-english", {
          translated_from: "telesur-es-oep-intrusion",
        }),
      ];
      const { groups } = findOrigins(sources, []);
      expect(groups).toHaveLength(1);
      expect(dependencyPath(groups[0]!.reasons, "telesur-oep-intrusion", groups[0]!.id).text).toBe(
        "telesur-oep-intrusion → translation of → telesur-es-oep-intrusion",
      );
    },
  );
});
