// ESLint for the page's classic scripts and the Node tests; Prettier owns the layout (`make lint`).
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["static/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, L: "readonly" },
    },
    rules: {
      // window.Atlas is the page's one global (static/js/atlas.js says how a file joins it).
      "no-implicit-globals": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "AssignmentExpression > MemberExpression.left[object.name='window'][property.name!='Atlas']",
          message: "Attach to window.Atlas instead of adding a global.",
        },
      ],
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      eqeqeq: "error",
      strict: ["error", "function"],
    },
  },
  {
    files: ["tests/js/**/*.mjs", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
];
