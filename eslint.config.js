// Typed lint for the engine, its scripts and its tests (`npm run lint`, part of `npm test`).
// TypeScript files get typescript-eslint's strictest type-checked rules; Astro components get
// eslint-plugin-astro's recommended rules (their scripts are type-checked by `astro check`).
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      ".astro/",
      ".cache/",
      "node_modules/",
      "bench/results/",
      "tests/fixtures/**/dist/",
      "tests/fixtures/**/*.mjs",
      "public/",
    ],
  },
  js.configs.recommended,
  {
    rules: {
      // Captures are cleaned of control characters on purpose; those patterns name them.
      "no-control-regex": "off",
    },
  },
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    rules: {
      // Numbers and booleans in messages are normal; objects in them are still an error.
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowNumber: true, allowBoolean: true },
      ],
      // `noPropertyAccessFromIndexSignature` in the strictest tsconfig asks for brackets.
      "@typescript-eslint/dot-notation": "off",
      // Types and interfaces are both used for plain data; the style guide does not pick one.
      "@typescript-eslint/consistent-type-definitions": "off",
      // `noUncheckedIndexedAccess` types every `a[i]` as possibly undefined; inside loops over
      // the array's own indices a `!` says what the loop bounds already prove.
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      // A leading underscore names a value left out on purpose (`const { file: _file, ...rest }`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["tests/**/*.ts"],
    rules: {
      // Tests read the JSON the build wrote and assert on its shape; typing each parse would
      // restate the schemas under test.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  ...astro.configs["flat/recommended"],
  {
    files: ["**/*.astro"],
    rules: {
      // The core rule reads TypeScript signatures as values; `astro check` reports unused names.
      "no-unused-vars": "off",
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: globals.node },
  },
);
