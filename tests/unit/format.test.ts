import { describe, expect, it } from "vitest";
import { formatMoment } from "../../src/lib/format.ts";

describe("formatMoment", () => {
  it("shows a day in words and a date-time with its local time and offset", () => {
    expect(formatMoment("2024-07-28")).toBe("28 July 2024");
    expect(formatMoment("2024-07-28T11:29:00-04:00")).toBe("28 July 2024, 11:29 (UTC-04:00)");
  });

  it("keeps a year before 1000 in four digits, as written", () => {
    expect(formatMoment("0099-01-01")).toBe("1 January 0099");
  });
});
