import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { deterministicZip } from "../../../src/lib/offline/zip.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("the offline zip", () => {
  it("holds sorted entries under one folder and the same bytes whatever the input order", () => {
    const files = new Map([
      ["z.txt", bytes("z")],
      ["a/index.html", bytes("<p>a</p>")],
    ]);
    const zip = deterministicZip(files, "casefile");
    expect(Object.keys(unzipSync(zip))).toEqual(["casefile/a/index.html", "casefile/z.txt"]);
    expect(deterministicZip(new Map([...files].reverse()), "casefile")).toEqual(zip);
    expect(new TextDecoder().decode(unzipSync(zip)["casefile/z.txt"])).toBe("z");
  });
});
