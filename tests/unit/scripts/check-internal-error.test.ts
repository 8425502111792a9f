import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { copySite, minimalSite } from "../../helpers/site-copy.ts";

const capture = "data/archives/example/news-report.txt";

// A bug in the engine, on one capture: thrown inside the archive's segmentation of that capture.
vi.mock("../../../src/lib/archive/segment.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/lib/archive/segment.ts")>();
  return {
    ...original,
    segmentBlocks: (file: string, blocks: Parameters<typeof original.segmentBlocks>[1]) => {
      if (file === capture) throw new RangeError("Invalid array length");
      return original.segmentBlocks(file, blocks);
    },
  };
});

const { checkSite } = await import("../../../scripts/check.ts");

const sites: string[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) rmSync(site, { recursive: true, force: true });
});

describe("npm run check on an internal error", () => {
  it("reports one problem naming the capture being read, without a stack", () => {
    const site = copySite(minimalSite);
    sites.push(site);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const result = checkSite(site, { writeUps: () => [] });
    expect(stderr).not.toHaveBeenCalled();
    stderr.mockRestore();
    expect(result.warnings).toEqual([]);
    expect(result.errors).toEqual([
      {
        file: capture,
        message: "Casefile could not process this (Invalid array length)",
        hint: "if nothing is wrong with it, this is a bug in Casefile: please report it with this paragraph (DEBUG=casefile adds the stack)",
      },
    ]);
    rmSync(join(site, "node_modules"), { recursive: true, force: true });
  });

  it("adds the stack with debug", () => {
    const site = copySite(minimalSite);
    sites.push(site);
    const written: string[] = [];
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const result = checkSite(site, { writeUps: () => [], debug: true });
    stderr.mockRestore();
    expect(result.errors).toHaveLength(1);
    expect(written.join("")).toMatch(/RangeError: Invalid array length\n\s+at /);
  });
});
