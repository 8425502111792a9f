import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDataFiles } from "../../../src/lib/content/data-files.ts";
import { formatProblem } from "../../../src/lib/errors.ts";
import { copySite, minimalSite } from "../../helpers/site-copy.ts";

const folder = "data/incidents/2020-example-ddos";

/** The check's paragraphs for the minimal site with one more data file. */
function problemsWith(name: string, text = "day,ips\n2020-05-04,3\n"): string[] {
  const root = copySite(minimalSite);
  writeFileSync(join(root, folder, name), text);
  return checkDataFiles(root, ["2020-example-ddos"]).map(formatProblem);
}

describe("checkDataFiles", () => {
  it("accepts names of letters, digits, hyphens, underscores and dots", () => {
    expect(problemsWith("IPs_by-day.2020.csv")).toEqual([]);
  });

  it.each([
    ["raid%casualties.csv", '"%"'],
    ["raid%20casualties.csv", '"%"'],
    ["raid#1.csv", '"#"'],
    ["raid?.csv", '"?"'],
    ["raid casualties.csv", "a space"],
  ])("refuses the name %s, which a link cannot carry as written", (name, characters) => {
    expect(problemsWith(name)).toEqual([
      `${folder}/${name}: data file name "${name}" holds ${characters}, which a link cannot carry as written. Hint: name data files with letters (A–Z, a–z), digits, "-", "_" and "." only (e.g. raid-casualties.csv): the name is the file's download address`,
    ]);
  });
});
