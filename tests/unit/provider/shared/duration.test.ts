import { durationSeconds } from "../../../../provider/shared/duration";

describe("durationSeconds", () => {
  it.each([
    ["PT1M", 60],
    ["PT60S", 60],
    ["PT10M", 600],
    ["P1D", 86400],
    ["P1DT1H", 90000],
    ["PT1.5M", 90],
    ["P1W", 604800],
    ["pt2h", 7200],
  ])("reads %s as %d seconds", (text, seconds) => {
    expect(durationSeconds(text)).toBe(seconds);
  });

  it.each(["", "P", "PT", "1M", "PT1X", "P1H", "PT-1M", "ten minutes"])("rejects %p", (text) => {
    expect(durationSeconds(text)).toBeUndefined();
  });
});
