/**
 * What `validate` and `plan` share: reading the document's file, the `--parameters` flag, and
 * printing problems (`file:line: path: message`, as text, JSON or GitHub workflow annotations).
 */
import * as fs from "node:fs";

import { InvalidArgumentError } from "commander";

import { formatIssue, formatPath, type SpecIssue } from "../sdk/spec/issues";
import { CommandError } from "./export-command";

/** `name=value` pairs of `--parameters`, collected (repeatable, several after one flag). */
export function parameterPair(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf("=");
  if (at < 1) throw new InvalidArgumentError(`expected name=value, got ${JSON.stringify(value)}`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

/** How a command says a parameter is missing: the flag that sets it. */
export const parameterFlagHint = (name: string) =>
  `pass it with --parameters ${name}=<value> (or give it a default in the document's parameters)`;

/** The document's text. */
export function readSpecFile(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new CommandError(
      `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`,
    );
  }
}

export type ProblemFormat = "text" | "json" | "github";
export const PROBLEM_FORMATS: readonly ProblemFormat[] = ["text", "json", "github"];

/**
 * A GitHub Actions workflow command that annotates the file (`::error file=...,line=...::...`).
 * Escaping as actions/toolkit packages/core/src/command.ts does: `%`, CR and LF in the message;
 * also `:` and `,` in property values.
 */
export function githubAnnotation(issue: SpecIssue, file: string): string {
  const data = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const property = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const properties = [
    `file=${property(file)}`,
    ...(issue.line !== undefined ? [`line=${issue.line}`] : []),
    `title=${property(formatPath(issue.path))}`,
  ];
  return `::error ${properties.join(",")}::${data(issue.message)}`;
}

/** `3 problems`. */
export const problemCount = (n: number) => `${n} problem${n === 1 ? "" : "s"}`;

/** The problems of a file in a format, as lines. */
export function formatProblems(issues: readonly SpecIssue[], file: string, format: ProblemFormat): string {
  if (format === "json") {
    const problems = issues.map((i) => ({
      file,
      ...(i.line !== undefined ? { line: i.line } : {}),
      path: formatPath(i.path),
      message: i.message,
    }));
    return `${JSON.stringify({ file, valid: issues.length === 0, count: issues.length, problems }, null, 2)}\n`;
  }
  const lines = issues.map((i) => (format === "github" ? githubAnnotation(i, file) : formatIssue(i, file)));
  return lines.map((l) => `${l}\n`).join("");
}
