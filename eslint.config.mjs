// @ts-check
// The lint gate (`npm run lint`, run by `npm test`): typescript-eslint's recommended rules, unused
// and duplicate imports, one import order (autofixed by `npm run lint:fix`). Formatting is
// Prettier's job, so eslint-config-prettier turns off every rule that would fight it.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import importX from "eslint-plugin-import-x";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "schema/", "coverage/", ".tools/", "node_modules/", "examples/*/node_modules/"] },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX, "simple-import-sort": simpleImportSort },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "import-x/no-duplicates": ["error", { "prefer-inline": true }],
      "simple-import-sort/imports": "error",
      "simple-import-sort/exports": "error",
      // `import x = require(...)` is TypeScript's typed CommonJS import (a program's `export =`).
      "@typescript-eslint/no-require-imports": ["error", { allowAsImport: true }],
    },
  },
  {
    // Plain CommonJS scripts and configs.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests read loosely typed JSON (state dumps, schemas, wire bodies) and say so with `any`.
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  prettier,
);
