/**
 * A kind's footprint: the files that adding the kind edits, found in the tree as it is. A file
 * counts for a kind when its code names the kind, or when it exports something that only the
 * kind's folder uses (a fact or helper added for that kind alone). Code means identifiers and
 * string or template text, read with TypeScript's scanner, so a comment that mentions a kind (a
 * cross-reference in TSDoc) does not count; YAML and JSON files are read whole.
 *
 * A kind is named by its name (`PushCredential`, also inside `PushCredentialEntry` or
 * `SpecPushCredential`), its camel-case form at the start of an identifier (`pushCredentialKind`),
 * its folder (`push-credential`) and, for a kind at the document's root, its section
 * (`pushCredentials`) as a whole token or a YAML key. A section inside a service (`webhooks`,
 * `roles`) is a common word and is not searched.
 *
 * Left out, as docs/adding-a-resource.md says: documentation (`*.md`), the emulator and its own
 * tests (they are written from Twilio's documents, never from the kind's code), generated files.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

import * as ts from "typescript";

export interface KindNames {
  /** The kind's name, as in its type token. */
  name: string;
  /** Its section at the document's root, if it sits there. */
  rootSection?: string;
}

export interface Footprint {
  /** Files of the kind's own folder. */
  own: string[];
  /** Files outside tests (and outside the kind's folder) that adding the kind edits. */
  code: string[];
  /** Test files that adding the kind edits. */
  tests: string[];
}

const LEFT_OUT = [/\.md$/, /^emulator\//, /^tests\/integration\/emulator/, /^tests\/integration\/fidelity\//, /^schema\//, /^docs\//];
const SCANNED = /\.(?:ts|js|mjs|cjs)$/;
const READ_WHOLE = /\.(?:ya?ml|json)$/;

/** The folder of a kind: `PushCredential` -> `push-credential`. */
export function folderOf(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/** The identifiers and the string and template text of a source file, comments left out. */
function codeTokens(text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ true, ts.LanguageVariant.Standard, text);
  const tokens: string[] = [];
  // Open braces inside each template substitution being read: its `}` resumes the template's text.
  const substitutions: number[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.OpenBraceToken && substitutions.length > 0) substitutions[substitutions.length - 1]!++;
    if (kind === ts.SyntaxKind.CloseBraceToken && substitutions.length > 0) {
      if (substitutions[substitutions.length - 1]! > 0) {
        substitutions[substitutions.length - 1]!--;
        continue;
      }
      kind = scanner.reScanTemplateToken(false);
      tokens.push(scanner.getTokenValue());
      if (kind === ts.SyntaxKind.TemplateTail) substitutions.pop();
      continue;
    }
    if (kind === ts.SyntaxKind.TemplateHead) substitutions.push(0);
    if (
      kind === ts.SyntaxKind.Identifier ||
      kind === ts.SyntaxKind.StringLiteral ||
      kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
      kind === ts.SyntaxKind.TemplateHead
    ) {
      tokens.push(scanner.getTokenValue());
    }
  }
  return tokens;
}

/** Whether a piece of code names the kind. */
function namer(kind: KindNames): (token: string) => boolean {
  const camel = kind.name[0]!.toLowerCase() + kind.name.slice(1);
  const patterns = [
    // The name, at a capital (also inside a longer identifier), not followed by more of a word.
    new RegExp(`${kind.name}(?![a-z])`),
    new RegExp(`(?<![A-Za-z])${camel}(?![a-z])`),
    new RegExp(`(?<![a-z-])${folderOf(kind.name)}(?![a-z-])`),
  ];
  // A section is a plain word ("account"): only a whole token, or a YAML key, names it.
  const section = kind.rootSection;
  const yamlKey = section ? new RegExp(`^\\s*${section}:`, "m") : undefined;
  return (token) => patterns.some((p) => p.test(token)) || token === section || (yamlKey?.test(token) ?? false);
}

/** The names a module exports, and the relative modules each file imports names from. */
function exportsAndImports(file: string, text: string) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const exported: string[] = [];
  const imports: { from: string; names: string[] }[] = [];
  const isExported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const bindings = statement.importClause?.namedBindings;
      const names = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => (e.propertyName ?? e.name).text) : ["*"];
      imports.push({ from: statement.moduleSpecifier.text, names });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const names =
        statement.exportClause && ts.isNamedExports(statement.exportClause)
          ? statement.exportClause.elements.map((e) => (e.propertyName ?? e.name).text)
          : ["*"];
      imports.push({ from: statement.moduleSpecifier.text, names });
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) exported.push(d.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name &&
      isExported(statement)
    ) {
      exported.push(statement.name.text);
    }
  }
  return { exported, imports };
}

/** The tracked files of the repository at `root`, with their text. */
export function trackedFiles(root: string): Map<string, string> {
  const files = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
  const texts = new Map<string, string>();
  for (const file of files) {
    if (LEFT_OUT.some((p) => p.test(file)) || !(SCANNED.test(file) || READ_WHOLE.test(file))) continue;
    const full = path.join(root, file);
    if (fs.existsSync(full)) texts.set(file, fs.readFileSync(full, "utf8"));
  }
  return texts;
}

/** The footprint of each kind, over the files `trackedFiles` read. */
export function footprints(files: Map<string, string>, kinds: readonly KindNames[]): Map<string, Footprint> {
  const tokens = new Map<string, string[]>();
  // module (path without extension) -> exported name -> the files importing it
  const importers = new Map<string, Map<string, Set<string>>>();
  // module (path without extension) -> what it exports, and the file it is
  const exportedBy = new Map<string, { file: string; exported: string[] }>();
  for (const [file, text] of files) {
    if (!SCANNED.test(file)) {
      tokens.set(file, [text]);
      continue;
    }
    tokens.set(file, codeTokens(text));
    const { exported, imports } = exportsAndImports(file, text);
    exportedBy.set(file.replace(SCANNED, ""), { file, exported });
    for (const { from, names } of imports) {
      if (!from.startsWith(".")) continue;
      const target = path.posix.join(path.posix.dirname(file), from);
      if (!importers.has(target)) importers.set(target, new Map());
      for (const name of names) {
        const byName = importers.get(target)!;
        if (!byName.has(name)) byName.set(name, new Set());
        byName.get(name)!.add(file);
      }
    }
  }
  const result = new Map<string, Footprint>();
  for (const kind of kinds) {
    const folder = `resources/${folderOf(kind.name)}/`;
    const names = namer(kind);
    const own = [...files.keys()].filter((f) => f.startsWith(folder));
    const touched = new Set<string>();
    for (const [file, fileTokens] of tokens) if (!file.startsWith(folder) && fileTokens.some(names)) touched.add(file);
    // A module outside the folder with an export that only the kind's folder imports was edited for it.
    for (const [module, { file, exported }] of exportedBy) {
      if (file.startsWith(folder)) continue;
      const used = exported.map((name) => [...(importers.get(module)?.get(name) ?? [])]).filter((users) => users.length > 0);
      if (used.some((users) => users.every((u) => u.startsWith(folder)))) touched.add(file);
    }
    const sorted = [...touched].sort();
    result.set(kind.name, {
      own,
      code: sorted.filter((f) => !f.startsWith("tests/")),
      tests: sorted.filter((f) => f.startsWith("tests/")),
    });
  }
  return result;
}
